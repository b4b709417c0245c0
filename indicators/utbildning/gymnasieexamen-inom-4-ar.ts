import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Gymnasieelever med examen inom fyra år",
  title_en: "Upper-secondary students with a diploma within four years",
  description_sv: "Andel av de elever folkbokförda i kommunen som började gymnasieskolan fyra år tidigare (inklusive introduktionsprogram) som tagit examen inom fyra år.",
  description_en: "Share of students resident in the municipality who started upper-secondary school four years earlier (introductory programmes included) who graduated within four years.",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:N17461"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Gymnasieexamen är delmålet: högre andel är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.notByBackgroundPupils,
    "Elever som saknade svenskt personnummer när utbildningen började, t.ex. nyanlända som ännu inte var folkbokförda, ingår inte.",
    "Från 2021 räknas IB-elever inte med (en liten ändring av definitionen)."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N17461", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2015, 2022]}
});
