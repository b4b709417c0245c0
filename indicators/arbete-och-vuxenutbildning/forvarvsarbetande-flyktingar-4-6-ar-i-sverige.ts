import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Förvärvsarbetande flyktingar 20–64 år som bott 4–6 år i Sverige",
  title_en: "Gainfully employed refugees aged 20–64 with 4–6 years in Sweden",
  description_sv: "Andel förvärvsarbetande bland skyddsbehövande och deras anhöriga 20–64 år som bott i Sverige 4–6 år. När vistelsetiden hålls fast blir kommuner och år mer jämförbara än med andelen för alla flyktingar.",
  description_en: "Share in gainful employment among refugees and their family members aged 20–64 who have lived in Sweden 4–6 years; fixing the time in Sweden makes municipalities and years more comparable.",
  kind: "goal",
  subgoals: ["arb.jonkoping-1"],
  inputs: ["kolada:N02994"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Förvärvsarbete är målet för arbetsmarknadsetableringen: högre andel är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["refugees"],
  comparison_group: null,
  caveats: [
    CAVEATS.smallMunicipalities,
    "Uppdelningen på kön finns från 2018."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N02994", group: "refugees", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
