import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Elever i åk 8 som lätt får hjälp av elevhälsan",
  title_en: "Year-8 pupils who find it easy to get help from pupil health services",
  description_sv: "Andel av eleverna i årskurs 8 som svarat ”mycket lätt” eller ”ganska lätt” på frågan hur lätt det är att få hjälp av elevhälsan, till exempel skolsköterskan.",
  description_en: "Share of year-8 pupils answering that it is very or fairly easy to get help from the pupil health services, e.g. the school nurse (Schools Inspectorate survey).",
  kind: "goal",
  subgoals: ["utb.tranas-4"],
  inputs: ["kolada:N15638"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Tillgänglig elevhälsa: högre andel som lätt får hjälp är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.pupilSurvey,
    CAVEATS.notByBackgroundPupils
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N15638", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_years: [2022, 2022]}
});
