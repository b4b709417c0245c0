import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Invånare 16–84 år som saknar tillit till andra",
  title_en: "Residents aged 16–84 lacking trust in others",
  description_sv: "Andel som svarat nej på frågan om man i allmänhet kan lita på de flesta människor. Tranås program beskriver social sammanhållning som att människor fungerar tillsammans och känner tillit till varandra.",
  description_en: "Share answering no to whether most people can generally be trusted; trust between people is part of social cohesion as Tranås' programme describes it.",
  kind: "goal",
  subgoals: ["soc.tranas-3"],
  inputs: ["kolada:U01413"],
  unit: "percent",
  direction: "lower_is_better",
  direction_reason: "Tillit är social sammanhållning: lägre andel utan tillit är bättre.",
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
  params: {kpi: "U01413", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2015, 2022]}
});
