import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Invånare 16–84 år som utsatts för våld eller hot om våld",
  title_en: "Residents aged 16–84 subjected to violence or threats of violence",
  description_sv: "Andel som under de senaste tolv månaderna blivit utsatta för fysiskt våld eller för hot om våld så att de blev rädda.",
  description_en: "Share subjected to physical violence or threats of violence in the last twelve months.",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:N01460"],
  unit: "percent",
  direction: "lower_is_better",
  direction_reason: "Utsatthet för våld: lägre andel är bättre.",
  // Folkhälsomyndigheten's municipal values pool four survey years (T-3..T; Kolada's U01405/U01413/U01473 texts say so,
  // the same HLV source for this KPI): consecutive values overlap, so a trend uses every fourth year only.
  period_years: 4,
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.healthSurvey,
    "Gäller allt våld och hot, inte särskilt våld i nära relation eller hedersrelaterat våld, och är inte uppdelat efter födelseland."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N01460", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2015, 2022]}
});
