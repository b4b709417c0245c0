import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Elever i åk 9 som är behöriga till yrkesprogram",
  title_en: "Year-9 pupils eligible for vocational upper-secondary programmes",
  description_sv: "Andel av eleverna i årskurs 9 som är folkbokförda i kommunen (oavsett skola) som är behöriga till gymnasieskolans yrkesprogram: godkänt i svenska eller svenska som andraspråk, engelska, matematik och minst fem andra ämnen. Behörigheten avgör om eleven kan gå vidare i skolan och mäter fokusmålet om alla elevers rätt till en skolgång av hög kvalitet.",
  description_en: "Share of year-9 pupils resident in the municipality (any school) who are eligible for a vocational upper-secondary programme. It measures the focus goal of every pupil's right to schooling of high quality.",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:N15428"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Behörighet till gymnasiet är delmålet: högre andel är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.notByBackgroundPupils,
    "Jämför med indikatorn där nyinvandrade elever räknats bort.",
    "Elever med okänd bakgrund (t.ex. utan svenskt personnummer) ingår inte."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N15428", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2015, 2022]}
});
