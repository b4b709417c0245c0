import {defineAreaIndicator} from "./define.js";

export default defineAreaIndicator(import.meta.url, {
  title_sv: "Personer per hushåll",
  title_en: "Persons per household",
  description_sv: "Folkmängd totalt delat med antal hushåll, per RegSO 2022, båda summerade från DeSO.",
  description_en: "Total population divided by the number of households, per RegSO 2022, both summed from DeSO.",
  goal_area: "bostader",
  kind: "ratio",
  level: "regso",
  source_level: "deso",
  scale: 1,
  numerator: {sv: "Folkmängd totalt (åldersfördelningens totalrad)", en: "Total population (the age table's total row)"},
  denominator: {sv: "Antal hushåll", en: "Number of households"},
  base_unit: "households",
  inputs: ["scb:deso_population_age", "scb:deso_households"],
  unit: "persons_per_household",
  direction: "none",
  decimals: 2,
  caveats: [
    "Folkmängden omfattar även personer som inte ingår i något hushåll i hushållsstatistiken (t.ex. i särskilda boenden eller utan känd lägenhet): kvoten blir något högre än SCB:s genomsnittliga hushållsstorlek.",
    "Ett mått på hushållsstorlek, inte på trångboddhet (bostadens storlek ingår inte).",
    "Bara 2022 finns på DeSO-nivå här."
  ],
  sql: `
    with population as (
      select region_code, year, persons
      from stg_scb__deso_population_age
      where age_group = $total
    ),
    households as (
      select region_code, year, households
      from stg_scb__deso_households
    ),
    final as (
      select
        coalesce(p.region_code, h.region_code) as region_code,
        coalesce(p.year, h.year) as year,
        p.persons as numerator,
        h.households as denominator
      from population p
      full outer join households h on h.region_code = p.region_code and h.year = p.year
    )
    select * from final
  `,
  params: {total: "total"},
  checks: {range: [0.5, 10], expect_years: [2022]}
});
