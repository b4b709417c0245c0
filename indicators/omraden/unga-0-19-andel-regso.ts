import {defineAreaIndicator} from "./define.js";
import {AGE_GROUP_SHARE_SQL} from "./sql.js";

export default defineAreaIndicator(import.meta.url, {
  title_sv: "Barn och unga 0–19 år, andel av befolkningen",
  title_en: "Children and young people aged 0–19, share of the population",
  description_sv: "Andel av folkmängden som är 0–19 år, per RegSO 2022, summerat från DeSO.",
  description_en: "Share of the population aged 0–19, per RegSO 2022, summed from DeSO.",
  goal_area: "kontext",
  kind: "ratio",
  level: "regso",
  source_level: "deso",
  scale: 100,
  numerator: {sv: "Personer 0–19 år (åldersgrupperna 0–4, 5–9, 10–14, 15–19)", en: "Persons aged 0–19 (age groups 0–4, 5–9, 10–14, 15–19)"},
  denominator: {sv: "Folkmängd totalt", en: "Total population"},
  base_unit: "persons",
  inputs: ["scb:deso_population_age"],
  unit: "percent",
  direction: "none",
  decimals: 1,
  caveats: ["Bara 2022 finns på DeSO-nivå här."],
  sql: AGE_GROUP_SHARE_SQL,
  params: {total: "total", groups: ["0-4", "5-9", "10-14", "15-19"]},
  checks: {range: [0, 100], expect_years: [2022]}
});
