import {defineAreaIndicator} from "./define.js";

export default defineAreaIndicator(import.meta.url, {
  title_sv: "Utrikes födda, andel av befolkningen",
  title_en: "Foreign-born, share of the population",
  description_sv:
    "Andel av folkmängden den 31 december som är född utomlands: (totalt − födda i Sverige) / totalt, per RegSO. Utrikes född är inte detsamma som utländsk bakgrund.",
  description_en:
    "Share of the population on 31 December born abroad: (total − born in Sweden) / total, per RegSO. Foreign-born is not the same as foreign background.",
  goal_area: "kontext",
  kind: "ratio",
  level: "regso",
  source_level: "regso",
  scale: 100,
  numerator: {sv: "Utrikes födda (totalt − födda i Sverige)", en: "Foreign-born persons (total − born in Sweden)"},
  denominator: {sv: "Folkmängd totalt", en: "Total population"},
  base_unit: "persons",
  inputs: ["scb:regso_population_birthregion"],
  unit: "percent",
  direction: "none",
  decimals: 1,
  caveats: [
    "Utrikes född = född utomlands, oavsett föräldrarnas födelseland; jämför inte med andelen med utländsk bakgrund.",
    "Folkbokförda personer den 31 december (SCB:s registerbaserade befolkningsstatistik)."
  ],
  // The table carries 'total' beside its part 'sweden': never sum both.
  sql: `
    with source as (
      select region_code, year, birth_region, persons
      from stg_scb__regso_population_birthregion
    ),
    per_region as (
      select
        region_code,
        year,
        sum(persons) filter (where birth_region = $total) as total,
        sum(persons) filter (where birth_region = $born_in_sweden) as born_in_sweden
      from source
      group by region_code, year
    ),
    final as (
      select region_code, year, total - born_in_sweden as numerator, total as denominator
      from per_region
    )
    select * from final
  `,
  params: {total: "total", born_in_sweden: "sweden"},
  checks: {range: [0, 100], expect_years: [2020, 2021, 2022, 2023]}
});
