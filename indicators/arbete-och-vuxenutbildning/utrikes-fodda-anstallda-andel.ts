import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Utrikes födda bland kommunens anställda, andel",
  title_en: "Foreign-born share of municipal employees",
  description_sv: "Andel utrikes födda bland kommunens anställda 18–64 år i november (SKR:s personalstatistik). Jämför med andelen utrikes födda 18–64 år i befolkningen under Befolkning och mottagande.",
  description_en: "Share of foreign-born among the municipality's employees aged 18–64 in November; compare with the foreign-born share of the population aged 18–64.",
  kind: "goal",
  subgoals: ["arb.jonkoping-2"],
  inputs: ["kolada:N00220"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Målet är att personalen speglar befolkningen (balanstalet 1, egen indikator). Andelen är under befolkningens andel i 11 av 13 kommuner 2022, så en högre andel är i regel ett steg mot målet; balanstalet bär målvärdet.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Målet är samma andel som i befolkningen (se balanstalet), inte så hög andel som möjligt.",
    "Säger inget om vilka befattningar utrikes födda har i organisationen."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N00220", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2016, 2022]}
});
