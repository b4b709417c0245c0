import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Invånare 16–84 år med allvarlig psykisk påfrestning",
  title_en: "Residents aged 16–84 with serious psychological distress",
  description_sv: "Andel som enligt sex frågor om den senaste månaden (Kessler 6) har allvarlig psykisk påfrestning, vilket tyder på att kriterierna för en psykiatrisk diagnos kan vara uppfyllda.",
  description_en: "Share with serious psychological distress on the Kessler 6 scale.",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:N01452"],
  unit: "percent",
  direction: "lower_is_better",
  direction_reason: "Psykisk ohälsa: lägre andel är bättre.",
  // Folkhälsomyndigheten's municipal values pool four survey years (T-3..T; Kolada's U01405/U01413/U01473 texts say so,
  // the same HLV source for this KPI): consecutive values overlap, so a trend uses every fourth year only.
  period_years: 4,
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.healthSurvey,
    CAVEATS.notByBackground,
    "I nuvarande data finns bara 2022."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N01452", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2022, 2022]}
});
