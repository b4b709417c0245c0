import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Elever i komvux som är födda utomlands, andel",
  title_en: "Students in municipal adult education born abroad, share",
  description_sv: "Andel av eleverna i komvux (utom anpassad utbildning) i kommunens skolenheter som är födda utomlands (Skolverket).",
  description_en: "Share of students in municipal adult education (excluding adapted education) who were born abroad.",
  kind: "context",
  subgoals: [],
  inputs: ["kolada:N18902"],
  unit: "percent",
  direction: "none",
  direction_reason: "Kontextindikator: beskriver befolkningen eller mottagandet, inget värde är bättre i sig.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N18902", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2020, 2022]}
});
