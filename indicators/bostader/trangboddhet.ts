import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Trångboddhet i flerbostadshus (norm 2)",
  title_en: "Overcrowding in multi-dwelling buildings (norm 2)",
  description_sv: "Andel av de boende i flerbostadshus (utom specialbostäder) som är trångbodda enligt norm 2: fler än två personer per rum, kök och vardagsrum oräknade. Trångboddhet drabbar särskilt nyanlända barnfamiljer.",
  description_en: "Share of residents of multi-dwelling buildings who are overcrowded under norm 2 (more than two persons per room, kitchen and living room excluded).",
  kind: "goal",
  subgoals: ["bos.tranas-1"],
  inputs: ["kolada:N07907"],
  unit: "percent",
  direction: "lower_is_better",
  direction_reason: "Trångboddhet är ett bostadssocialt problem: lägre är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Gäller bara flerbostadshus. Kolada redovisar inte trångboddhet efter födelseland; det gör SCB i egna tabeller."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N07907", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2015, 2022]}
});
