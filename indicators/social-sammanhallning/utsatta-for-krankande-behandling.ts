import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Invånare 16–84 år som utsatts för kränkande behandling eller bemötande",
  title_en: "Residents aged 16–84 subjected to offensive treatment",
  description_sv: "Andel som under de senaste tre månaderna blivit behandlade eller bemötta så att de känt sig kränkta. Ett mått på hur inkluderande samhället är i vardagen.",
  description_en: "Share who in the last three months were treated in a way that made them feel offended; a measure of how inclusive everyday life is.",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:N01458"],
  unit: "percent",
  direction: "lower_is_better",
  direction_reason: "Kränkande bemötande: lägre andel är bättre.",
  // Folkhälsomyndigheten's municipal values pool four survey years (T-3..T; Kolada's U01405/U01413/U01473 texts say so,
  // the same HLV source for this KPI): consecutive values overlap, so a trend uses every fourth year only.
  period_years: 4,
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.healthSurvey,
    "Frågan gäller kränkningar av alla slag, inte bara på grund av etnisk eller kulturell bakgrund, och är inte uppdelad efter födelseland."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N01458", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2015, 2022]}
});
