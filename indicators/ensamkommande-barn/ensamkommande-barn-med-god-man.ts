import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Ensamkommande barn med god man per 1 000 invånare",
  title_en: "Unaccompanied children with a guardian per 1,000 inhabitants",
  description_sv: "Antal ensamkommande barn med god man den 31 december per 1 000 invånare (länsstyrelserna och SCB). Visar hur många ensamkommande barn kommunen har ansvar för.",
  description_en: "Number of unaccompanied children with an appointed guardian on 31 December per 1,000 inhabitants.",
  kind: "context",
  subgoals: [],
  inputs: ["kolada:U37003"],
  unit: "per_1000",
  direction: "none",
  direction_reason: "Kontextindikator: beskriver befolkningen eller mottagandet, inget värde är bättre i sig.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Där flera kommuner har gemensam överförmyndare fördelas antalet efter befolkning, så kommunens värde kan vara en uppskattning."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "U37003", group: "all", break_year: 0},
  checks: {range: [0, 1000], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
