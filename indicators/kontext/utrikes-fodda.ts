import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Utrikes födda, andel av befolkningen",
  title_en: "Foreign-born share of the population",
  description_sv: "Antal personer födda utomlands delat med antal invånare den 31 december (SCB:s register över totalbefolkningen).",
  description_en: "Persons born abroad as a share of all inhabitants on 31 December.",
  kind: "context",
  subgoals: [],
  inputs: ["kolada:N02926"],
  unit: "percent",
  direction: "none",
  direction_reason: "Kontextindikator: beskriver befolkningen eller mottagandet, inget värde är bättre i sig.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N02926", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2015, 2022]}
});
