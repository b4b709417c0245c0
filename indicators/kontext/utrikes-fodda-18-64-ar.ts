import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Utrikes födda 18–64 år, andel av befolkningen 18–64 år",
  title_en: "Foreign-born share of the population aged 18–64",
  description_sv: "Andel utrikes födda i befolkningen 18–64 år. Jämförelsetal för andelen utrikes födda bland kommunens anställda.",
  description_en: "Foreign-born share of the population aged 18–64; the benchmark for the foreign-born share of municipal employees.",
  kind: "context",
  subgoals: [],
  inputs: ["kolada:N00221"],
  unit: "percent",
  direction: "none",
  direction_reason: "Kontextindikator: beskriver befolkningen eller mottagandet, inget värde är bättre i sig.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Vissa år saknas i Kolada."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N00221", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
