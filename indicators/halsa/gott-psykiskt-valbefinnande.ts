import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Invånare 16–84 år med gott psykiskt välbefinnande",
  title_en: "Residents aged 16–84 with good mental well-being",
  description_sv: "Andel med gott eller mycket gott psykiskt välbefinnande enligt sju påståenden om de senaste två veckorna (skalan SWEMWBS).",
  description_en: "Share with good or very good mental well-being on the SWEMWBS scale.",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:U01473"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Psykiskt välbefinnande är målet: högre andel är bättre.",
  // Folkhälsomyndigheten's municipal values pool four survey years (T-3..T; Kolada's U01405/U01413/U01473 texts say so,
  // the same HLV source for this KPI): consecutive values overlap, so a trend uses every fourth year only.
  period_years: 4,
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.healthSurvey,
    CAVEATS.notByBackground
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "U01473", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2020, 2022]}
});
