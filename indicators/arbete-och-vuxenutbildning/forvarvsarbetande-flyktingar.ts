import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Förvärvsarbetande flyktingar 20–64 år",
  title_en: "Gainfully employed refugees aged 20–64",
  description_sv: "Andel av skyddsbehövande och deras anhöriga 20–64 år i kommunen som förvärvsarbetar i november (SCB:s STATIV).",
  description_en: "Share of refugees and their family members aged 20–64 in the municipality who are in gainful employment in November (Statistics Sweden, STATIV).",
  kind: "goal",
  subgoals: ["arb.jonkoping-1"],
  inputs: ["kolada:N00700"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Förvärvsarbete är målet för arbetsmarknadsetableringen: högre andel är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["refugees"],
  comparison_group: null,
  caveats: [
    CAVEATS.refugees,
    CAVEATS.smallMunicipalities,
    "Uppdelningen på kön finns från 2013."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N00700", group: "refugees", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
