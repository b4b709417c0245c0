import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Utrikes födda 18–64 år som bott 0–5 år i Sverige, andel av befolkningen 18–64 år",
  title_en: "Foreign-born aged 18–64 with 0–5 years in Sweden, share of the population aged 18–64",
  description_sv: "Antal utrikes födda 18–64 år som haft uppehållstillstånd i 0–5 år, delat med alla invånare 18–64 år i kommunen.",
  description_en: "Foreign-born residents aged 18–64 who have had a residence permit for 0–5 years, as a share of all residents aged 18–64.",
  kind: "context",
  subgoals: [],
  inputs: ["kolada:U01805"],
  unit: "percent",
  direction: "none",
  direction_reason: "Kontextindikator: beskriver befolkningen eller mottagandet, inget värde är bättre i sig.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "U01805", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
