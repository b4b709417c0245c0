import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Sysselsättningsgrad, utrikes födda 20–64 år",
  title_en: "Employment rate, foreign-born aged 20–64",
  description_sv: "Andel av de utrikes födda 20–64 år i kommunen som är sysselsatta (löneinkomst i november eller aktiv näringsverksamhet), jämfört med hela befolkningen 20–64 år, och skillnaden i procentenheter. Mäter Jönköpings kommuns mål att förvärvsarbetandet ska öka, för kvinnor och för män.",
  description_en: "Share of foreign-born residents aged 20–64 who are employed, compared with the whole population aged 20–64, and the gap in percentage points; for women and men.",
  kind: "goal",
  subgoals: ["arb.jonkoping-1"],
  inputs: ["kolada:N02268", "kolada:N02267"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Sysselsättning är fokusmålet; gapet mot jämförelsegruppen har målet 0.",
  sexes: ["T", "K", "M"],
  groups: ["foreign_born", "all", "gap"],
  comparison_group: "all",
  caveats: [
    CAVEATS.pandemic,
    CAVEATS.comparisonIncludesForeignBorn,
    "Bygger på SCB:s statistik över befolkningens arbetsmarknadsstatus (BAS) och börjar 2020. Den äldre RAMS-serien (till 2021) är en egen indikator och skarvas inte ihop med denna."
  ],
  series_breaks: [],
  sql: SQL.kolada_gap,
  params: {kpi_foreign: "N02268", kpi_comparison: "N02267", comparison_group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2020, 2022]}
});
