import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Behöriga till yrkesprogram: alla elever och utan nyinvandrade (kommunala skolor)",
  title_en: "Eligibility for vocational programmes: all pupils and excluding the newly arrived (municipal schools)",
  description_sv: "Andel av eleverna i årskurs 9 i kommunens egna skolor som är behöriga till yrkesprogram, dels för alla elever, dels utan nyinvandrade elever (som kommit till Sverige de senaste fyra åren) och elever med okänd bakgrund. Skillnaden mellan serierna visar hur mycket nyinvandrade elevers kortare tid i svensk skola påverkar kommunens resultat.",
  description_en: "Share of year-9 pupils in the municipality's own schools eligible for a vocational programme, for all pupils and excluding pupils who arrived in Sweden in the last four years (and pupils of unknown background).",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:N15436", "kolada:N15564"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Behörighet till gymnasiet är delmålet: högre andel är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["all", "excl_newly_arrived"],
  comparison_group: null,
  caveats: [
    "Avser kommunala skolor i kommunen oavsett var eleven är folkbokförd, inte alla elever som bor i kommunen.",
    "Grupperna överlappar (alla elever omfattar de nyinvandrade), så skillnaden är ingen skillnad mellan nyinvandrade och andra elever.",
    "När 40 elever eller fler går ut och 1–4 av dem saknar behörighet redovisas andelen som 95 procent.",
    "Uppdelningen på kön finns från 2017 för gruppen utan nyinvandrade."
  ],
  series_breaks: [],
  sql: SQL.kolada_two_groups,
  params: {kpi_a: "N15436", group_a: "all", kpi_b: "N15564", group_b: "excl_newly_arrived", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
