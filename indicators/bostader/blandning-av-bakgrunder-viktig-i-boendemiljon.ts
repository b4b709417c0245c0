import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Invånare som tycker att en blandning av människor med olika bakgrund är viktig där de bor",
  title_en: "Residents who find a mix of people of different backgrounds important where they live",
  description_sv: "Andel som svarat ”mycket viktigt” eller ”ganska viktigt” på frågan hur viktigt det är att det finns en blandning av människor från olika kulturer eller bakgrund i boendemiljön (”vet inte” räknas bort).",
  description_en: "Share who find it very or fairly important that their residential environment has a mix of people of different cultures or backgrounds (Statistics Sweden's citizen survey).",
  kind: "goal",
  subgoals: ["bos.tranas-2"],
  inputs: ["kolada:N00553"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Att fler värdesätter blandade boendemiljöer stöder delmålet om blandat boende: högre är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.citizenSurvey,
    "Mäter en attityd, inte hur blandade bostadsområdena är."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N00553", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006"], expect_years: [2021, 2022]}
});
