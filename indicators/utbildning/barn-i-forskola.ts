import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Barn 1–5 år inskrivna i förskola",
  title_en: "Children aged 1–5 enrolled in preschool",
  description_sv: "Antal barn 1–5 år inskrivna i förskolor i kommunen (oavsett regi) delat med antal barn 1–5 år i kommunen. Förskolan ingår i Tranås fokusmål och är viktig för barn som lär sig svenska.",
  description_en: "Children aged 1–5 enrolled in the municipality's preschools (any provider) divided by the number of children aged 1–5 living there.",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:N11800"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Förskola stöder språk och skolstart: högre andel inskrivna är bättre.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.notByBackground,
    "Barn kan vara inskrivna i en annan kommun än där de bor, så andelen kan bli över 100 procent."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N11800", group: "all", break_year: 0},
  checks: {range: [0, 150], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2015, 2022]}
});
