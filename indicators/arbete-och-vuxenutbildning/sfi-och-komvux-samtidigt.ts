import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Sfi-elever som samtidigt läser i komvux",
  title_en: "SFI students also studying in municipal adult education",
  description_sv: "Andel av eleverna i sfi som samma kalenderhalvår också läser komvux på grundläggande eller gymnasial nivå. Kombinerade studier är ett sätt att ge utbildning utifrån individens behov.",
  description_en: "Share of SFI students who in the same half-year also study in municipal adult education at basic or upper-secondary level.",
  kind: "goal",
  subgoals: ["arb.tranas-3"],
  inputs: ["kolada:N18938"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Att kombinera sfi med komvux kortar vägen till arbete, vilket delmålet efterfrågar: högre andel är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Högre andel är inte entydigt bättre: måttet visar möjligheten att kombinera studier, inte om kombinationen passar varje elev."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N18938", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2020, 2022]}
});
