import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Nyinvandrade elever i grundskolan, andel",
  title_en: "Newly arrived pupils in compulsory school, share",
  description_sv: "Andel av grundskoleeleverna folkbokförda i kommunen som kommit till Sverige de senaste fyra åren och inte gått i svensk skola tidigare (SCB och Skolverket).",
  description_en: "Share of compulsory-school pupils resident in the municipality who arrived in Sweden in the last four years.",
  kind: "context",
  subgoals: [],
  inputs: ["kolada:N15901"],
  unit: "percent",
  direction: "none",
  direction_reason: "Kontextindikator: beskriver befolkningen eller mottagandet, inget värde är bättre i sig.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N15901", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
