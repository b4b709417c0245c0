import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Nyanlända i arbete eller studier 90 dagar efter etableringsuppdraget",
  title_en: "Newly arrived in work or studies 90 days after the introduction programme",
  description_sv: "Andel av dem som lämnat Arbetsförmedlingens etableringsuppdrag (nyanlända flyktingar 20–64 år och 18–19-åringar utan föräldrar i Sverige) som arbetar eller studerar 90 dagar efteråt. Ett utfallsmått för vägledningen och insatserna under etableringen.",
  description_en: "Share of those who left the Public Employment Service's introduction programme for newly arrived refugees who work or study 90 days later.",
  kind: "goal",
  subgoals: ["arb.tranas-2", "arb.jonkoping-1"],
  inputs: ["kolada:N00973"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Etableringsuppdragets mål är arbete eller studier: högre andel är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["newly_arrived"],
  comparison_group: null,
  caveats: [
    "Mäter utfallet av etableringsuppdraget, inte vägledningens kvalitet.",
    "Studier kan vara något underskattade eftersom Arbetsförmedlingens registrering släpar efter.",
    CAVEATS.smallMunicipalities
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N00973", group: "newly_arrived", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
