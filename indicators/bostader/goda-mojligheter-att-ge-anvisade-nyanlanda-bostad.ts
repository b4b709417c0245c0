import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Kommunen har goda möjligheter att ge anvisade nyanlända bostad (ja = 1, nej = 0)",
  title_en: "The municipality can readily house assigned newcomers (yes = 1, no = 0)",
  description_sv: "Om kommunen i Boverkets bostadsmarknadsenkät svarat att den har goda eller mycket goda möjligheter att erbjuda bostad till nyanlända som anvisas enligt bosättningslagen.",
  description_en: "Whether the municipality answered that it has good or very good possibilities to offer housing to newly arrived refugees assigned to it under the Settlement Act.",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:U30465"],
  unit: "index",
  direction: "higher_is_better",
  direction_reason: "Ja (1) är målet: kommunen kan ge anvisade nyanlända bostad. Ett ja/nej-svar har inget urvalsfel; trenden säger bara om svaren gått mot ja.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "En bedömning, bara ja eller nej. I nuvarande data finns bara 2022."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "U30465", group: "all", break_year: 0},
  checks: {range: [0, 1], expect_areas: ["0680", "0687"], expect_years: [2022, 2022]}
});
