import {defineAreaIndicator} from "./define.js";

export default defineAreaIndicator(import.meta.url, {
  title_sv: "Utländsk bakgrund, andel av befolkningen",
  title_en: "Foreign background, share of the population",
  description_sv:
    "Andel av folkmängden med utländsk bakgrund (född utomlands, eller född i Sverige med två utrikes födda föräldrar), per RegSO 2022, summerat från DeSO. Inte detsamma som utrikes födda.",
  description_en:
    "Share of the population with a foreign background (born abroad, or born in Sweden with both parents born abroad), per RegSO 2022, summed from DeSO. Not the same as foreign-born.",
  goal_area: "kontext",
  kind: "ratio",
  level: "regso",
  source_level: "deso",
  scale: 100,
  numerator: {sv: "Personer med utländsk bakgrund", en: "Persons with a foreign background"},
  denominator: {sv: "Folkmängd totalt", en: "Total population"},
  base_unit: "persons",
  inputs: ["scb:deso_population_background"],
  unit: "percent",
  direction: "none",
  decimals: 1,
  caveats: [
    "Utländsk bakgrund omfattar även personer födda i Sverige med två utrikes födda föräldrar: andelen är högre än andelen utrikes födda.",
    "Bara 2022 finns på DeSO-nivå här; RegSO-värdet är summan av områdets DeSO."
  ],
  // The table carries 'total' beside its parts 'foreign' and 'swedish': the denominator is 'total' only.
  sql: `
    with source as (
      select region_code, year, background, persons
      from stg_scb__deso_population_background
    ),
    per_deso as (
      select
        region_code,
        year,
        sum(persons) filter (where background = $foreign) as foreign_background,
        sum(persons) filter (where background = $total) as total
      from source
      group by region_code, year
    ),
    final as (
      select region_code, year, foreign_background as numerator, total as denominator
      from per_deso
    )
    select * from final
  `,
  params: {foreign: "foreign", total: "total"},
  checks: {range: [0, 100], expect_years: [2022]}
});
