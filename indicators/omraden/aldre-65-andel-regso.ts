import {defineAreaIndicator} from "./define.js";
import {AGE_GROUP_SHARE_SQL} from "./sql.js";

export default defineAreaIndicator(import.meta.url, {
  title_sv: "Personer 65 år och äldre, andel av befolkningen",
  title_en: "Persons aged 65 and over, share of the population",
  description_sv: "Andel av folkmängden som är 65 år eller äldre, per RegSO 2022, summerat från DeSO.",
  description_en: "Share of the population aged 65 and over, per RegSO 2022, summed from DeSO.",
  goal_area: "kontext",
  kind: "ratio",
  level: "regso",
  source_level: "deso",
  scale: 100,
  numerator: {sv: "Personer 65 år och äldre (åldersgrupperna 65–69, 70–74, 75–79, 80–)", en: "Persons aged 65+ (age groups 65–69, 70–74, 75–79, 80+)"},
  denominator: {sv: "Folkmängd totalt", en: "Total population"},
  base_unit: "persons",
  inputs: ["scb:deso_population_age"],
  unit: "percent",
  direction: "none",
  decimals: 1,
  caveats: ["Bara 2022 finns på DeSO-nivå här."],
  sql: AGE_GROUP_SHARE_SQL,
  params: {total: "total", groups: ["65-69", "70-74", "75-79", "80-"]},
  checks: {range: [0, 100], expect_years: [2022]}
});
