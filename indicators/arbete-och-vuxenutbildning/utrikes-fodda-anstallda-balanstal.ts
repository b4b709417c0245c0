import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Utrikes födda bland kommunens anställda, balanstal",
  title_en: "Foreign-born among municipal employees, balance ratio",
  description_sv: "Andelen utrikes födda 18–64 år bland kommunens anställda delad med andelen utrikes födda 18–64 år i kommunens befolkning (SKR:s personalstatistik och SCB). Balanstalet 1 betyder att personalen speglar befolkningen, som Jönköpings kommun har som mål.",
  description_en: "Share of foreign-born aged 18–64 among municipal employees divided by their share in the municipality's population aged 18–64; 1 means the staff mirrors the population.",
  kind: "goal",
  subgoals: ["arb.jonkoping-2"],
  inputs: ["kolada:N00217"],
  unit: "ratio",
  direction: "target",
  target_value: 1,
  direction_reason: "Balanstal: målet är 1 (personalen speglar befolkningen), inte så högt som möjligt. Rang och trend räknas på avståndet till 1.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.balanceRatioTarget,
    "Säger inget om vilka befattningar utrikes födda har i organisationen.",
    "Vissa år saknas i Kolada."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N00217", group: "all", break_year: 0},
  checks: {range: [0, 10], expect_areas: ["0680", "0687"], expect_years: [2018, 2022]}
});
