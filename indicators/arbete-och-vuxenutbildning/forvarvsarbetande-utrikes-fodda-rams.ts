import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Förvärvsarbetande utrikes födda 20–64 år (RAMS, till 2021)",
  title_en: "Gainfully employed foreign-born aged 20–64 (RAMS, until 2021)",
  description_sv: "Andel av de utrikes födda 20–64 år som förvärvsarbetar enligt SCB:s registerbaserade arbetsmarknadsstatistik (RAMS), jämfört med alla invånare 20–64 år, och skillnaden i procentenheter. Den långa serien visar utvecklingen före och under strategiperioden.",
  description_en: "Share of foreign-born residents aged 20–64 in gainful employment according to Statistics Sweden's discontinued RAMS statistics, compared with all residents aged 20–64, and the gap in percentage points.",
  kind: "goal",
  subgoals: ["arb.jonkoping-1"],
  inputs: ["kolada:N00713", "kolada:N00914"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Förvärvsarbete är målet; gapet mot inrikes födda har målet 0 (samma andel).",
  sexes: ["T", "K", "M"],
  groups: ["foreign_born", "all", "gap"],
  comparison_group: "all",
  caveats: [
    CAVEATS.pandemic,
    "Avslutade nyckeltal: SCB har lagt ned RAMS och serierna slutar 2021. Kolada ersatte dem med BAS-baserade N02267/N02268 från 2020, som är en egen indikator; serierna skarvas inte ihop. Det levande Kolada-API:t kan ha slutat leverera dem.",
    "Från 2019 bygger RAMS på arbetsgivarnas månadsuppgifter (AGI) i stället för årliga kontrolluppgifter; SCB säger att jämförelser med tidigare år bör göras med försiktighet. Första värdet från 2019 är markerat som brott i serien.",
    "Jämförelsegruppen är alla invånare 20–64 år, där utrikes födda ingår; gapet mot inrikes födda är större."
  ],
  series_breaks: [
    {year: 2019, note: "SCB bytte datakälla för RAMS från årliga kontrolluppgifter till arbetsgivarnas månadsuppgifter (AGI)."}
  ],
  sql: SQL.kolada_gap,
  params: {kpi_foreign: "N00713", kpi_comparison: "N00914", comparison_group: "all", break_year: 2019},
  checks: {range: [0, 100]}
});
