import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Invånare med bra självskattat hälsotillstånd",
  title_en: "Residents rating their health as good",
  description_sv: "Andel som svarat ”bra” eller ”mycket bra” på frågan hur de bedömer sitt allmänna hälsotillstånd.",
  description_en: "Share rating their general health as good or very good (Public Health Agency survey).",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:U01405"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "God hälsa är målet: högre andel är bättre.",
  // Folkhälsomyndigheten's municipal values pool four survey years (T-3..T; Kolada's U01405/U01413/U01473 texts say so,
  // the same HLV source for this KPI): consecutive values overlap, so a trend uses every fourth year only.
  period_years: 4,
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.healthSurvey,
    CAVEATS.notByBackground,
    "Folkhälsomyndigheten redovisar hälsa efter födelseland bara för riket."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "U01405", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2015, 2022]}
});
