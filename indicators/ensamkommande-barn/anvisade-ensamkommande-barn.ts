import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Ensamkommande barn anvisade till kommunen",
  title_en: "Unaccompanied children assigned to the municipality",
  description_sv: "Antal ensamkommande barn som Migrationsverket anvisat till kommunen under året. Visar hur stort mottagandet varit; barnen behöver inte bo i kommunen.",
  description_en: "Number of unaccompanied children the Migration Agency assigned to the municipality during the year.",
  kind: "context",
  subgoals: [],
  inputs: ["kolada:N02002"],
  unit: "count",
  direction: "none",
  direction_reason: "Kontextindikator: beskriver befolkningen eller mottagandet, inget värde är bättre i sig.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Antal, inte andel: stora kommuner tar emot fler."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N02002", group: "all", break_year: 0},
  checks: {range: [0, 100000], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
