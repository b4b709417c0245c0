import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Verkställda vräkningar per 100 000 invånare",
  title_en: "Evictions carried out per 100,000 inhabitants",
  description_sv: "Antal verkställda vräkningar (avhysningar) under året per 100 000 invånare (Kronofogden och SCB).",
  description_en: "Evictions carried out during the year per 100,000 inhabitants (Enforcement Authority).",
  kind: "goal",
  subgoals: ["bos.tranas-1"],
  inputs: ["kolada:U00958"],
  unit: "per_100000",
  direction: "lower_is_better",
  direction_reason: "Vräkningar är ett bostadssocialt misslyckande: färre är bättre.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Små tal: i små kommuner kan en enda vräkning ändra värdet mycket.",
    "Inte uppdelat efter födelseland."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "U00958", group: "all", break_year: 0},
  checks: {range: [0, 100000], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
