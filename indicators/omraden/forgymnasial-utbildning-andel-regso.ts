import {defineAreaIndicator} from "./define.js";

export default defineAreaIndicator(import.meta.url, {
  title_sv: "Högst förgymnasial utbildning, andel 25–64 år",
  title_en: "At most compulsory schooling, share of persons aged 25–64",
  description_sv:
    "Andel av befolkningen 25–64 år vars högsta utbildning är förgymnasial, per RegSO 2022, summerat från DeSO. Nämnaren är alla 25–64 år inklusive uppgift saknas.",
  description_en:
    "Share of the population aged 25–64 whose highest education is pre-upper-secondary (compulsory school), per RegSO 2022, summed from DeSO. The denominator is everyone aged 25–64 including education missing.",
  goal_area: "utbildning",
  kind: "ratio",
  level: "regso",
  source_level: "deso",
  scale: 100,
  numerator: {sv: "Personer 25–64 år med högst förgymnasial utbildning", en: "Persons aged 25–64 with at most pre-upper-secondary education"},
  denominator: {
    sv: "Alla 25–64 år: summan av de fem utbildningsnivåerna inklusive 'uppgift saknas'",
    en: "Everyone aged 25–64: the sum of the five education levels including 'missing'"
  },
  base_unit: "persons",
  inputs: ["scb:deso_education"],
  unit: "percent",
  direction: "lower_is_better",
  decimals: 1,
  caveats: [
    "Personer med okänd utbildning (ofta nyligen invandrade) räknas i nämnaren men inte i täljaren: andelen är en nedre gräns.",
    "Samma mått ingår i SCB:s/Delmos socioekonomiska index som ligger bakom områdestyperna.",
    "Bara 2022 finns på DeSO-nivå här."
  ],
  // The denominator needs all five levels with a value; otherwise it stays NULL (no partial sums).
  sql: `
    with source as (
      select region_code, year, level, persons
      from stg_scb__deso_education
      where list_contains($levels, level)
    ),
    per_deso as (
      select
        region_code,
        year,
        sum(persons) filter (where level = $pre_upper_secondary) as pre_upper_secondary,
        case when count(persons) = len($levels) then sum(persons) end as aged_25_64
      from source
      group by region_code, year
    ),
    final as (
      select region_code, year, pre_upper_secondary as numerator, aged_25_64 as denominator
      from per_deso
    )
    select * from final
  `,
  params: {
    pre_upper_secondary: "pre_upper_secondary",
    levels: ["pre_upper_secondary", "upper_secondary", "post_secondary_lt3", "post_secondary_ge3", "missing"]
  },
  checks: {range: [0, 100], expect_years: [2022]}
});
