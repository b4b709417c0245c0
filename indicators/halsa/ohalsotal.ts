import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Ohälsotal",
  title_en: "Sickness absence rate",
  description_sv: "Utbetalda dagar med sjukpenning, arbetsskadesjukpenning, rehabiliteringspenning och sjuk- och aktivitetsersättning per invånare 16–64 år (Försäkringskassan).",
  description_en: "Days paid out with sickness, rehabilitation and activity or sickness compensation per inhabitant aged 16–64 (Social Insurance Agency).",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:N00957"],
  unit: "days",
  direction: "lower_is_better",
  direction_reason: "Färre ersatta sjukdagar per person är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.notByBackground,
    "SCB redovisar ohälsotal efter födelseregion i egna tabeller."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N00957", group: "all", break_year: 0},
  checks: {range: [0, 366], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2015, 2022]}
});
