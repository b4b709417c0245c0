import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Invånare som tycker att kommunen arbetar för att minska diskriminering",
  title_en: "Residents who find the municipality works to reduce discrimination",
  description_sv: "Andel som svarat ”helt och hållet” eller ”till stor del” på frågan om kommunen arbetar aktivt för att minska diskriminering i samhället (”vet inte” räknas bort).",
  description_en: "Share answering 'completely' or 'to a great extent' when asked whether the municipality works actively to reduce discrimination (Statistics Sweden's citizen survey).",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:N00655"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Fler invånare som tycker att kommunen arbetar mot diskriminering är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.citizenSurvey,
    "Mäter invånarnas uppfattning, inte resultatet av kommunens arbete."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N00655", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006"], expect_years: [2021, 2022]}
});
