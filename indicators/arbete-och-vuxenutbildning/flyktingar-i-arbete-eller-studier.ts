import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Flyktingar 20–64 år som förvärvsarbetar eller studerar",
  title_en: "Refugees aged 20–64 in work or studies",
  description_sv: "Andel av skyddsbehövande och deras anhöriga 20–64 år som förvärvsarbetar eller under hösten studerar i en utbildning med rätt till studiemedel. Studierna räknas med, så måttet visar också tillgången till utbildning.",
  description_en: "Share of refugees and their family members aged 20–64 who work or are enrolled in education eligible for student finance in the autumn term.",
  kind: "goal",
  subgoals: ["arb.tranas-3"],
  inputs: ["kolada:N00712"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Arbete eller studier är fokusmålets väg till egen försörjning: högre andel är bättre.",
  sexes: ["T"],
  groups: ["refugees"],
  comparison_group: null,
  caveats: [
    CAVEATS.refugees,
    CAVEATS.smallMunicipalities
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N00712", group: "refugees", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2018, 2022]}
});
