import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Bostadsmarknadsläget enligt kommunen (underskott = 0, balans = 1, överskott = 2)",
  title_en: "Housing market situation as judged by the municipality (deficit 0, balance 1, surplus 2)",
  description_sv: "Kommunens bedömning i Boverkets bostadsmarknadsenkät av om det är underskott, balans eller överskott på bostäder i kommunen som helhet.",
  description_en: "The municipality's own judgement in the National Board of Housing's survey of whether there is a deficit, balance or surplus of housing.",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:U30446"],
  unit: "index",
  direction: "target",
  target_value: 1,
  direction_reason: "Kommunens bedömning 0 = underskott, 1 = balans, 2 = överskott: målet är balans (1), inte överskott. Rang och trend räknas på avståndet till 1.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "En bedömning, inte en mätning. Högre värde betyder att det är lättare att få bostad, men överskott är inte nödvändigtvis bättre än balans.",
    "Finns inte för riket eller länet."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "U30446", group: "all", break_year: 0},
  checks: {range: [0, 2], expect_areas: ["0680", "0687"], expect_years: [2015, 2022]}
});
