import {defineAreaIndicator} from "./define.js";

export default defineAreaIndicator(import.meta.url, {
  title_sv: "Hyresrätter, andel av lägenheterna",
  title_en: "Rental dwellings, share of all dwellings",
  description_sv:
    "Andel av samtliga lägenheter (hyresrätt, bostadsrätt, äganderätt och uppgift saknas) som är hyresrätter, per RegSO den 31 december.",
  description_en:
    "Share of all dwellings (rental, tenant-owned, owner-occupied and tenure missing) that are rental dwellings, per RegSO on 31 December.",
  goal_area: "bostader",
  kind: "ratio",
  level: "regso",
  source_level: "regso",
  scale: 100,
  numerator: {sv: "Lägenheter med hyresrätt", en: "Rental dwellings"},
  denominator: {
    sv: "Samtliga lägenheter: summan av de fyra upplåtelseformerna inklusive 'uppgift saknas'",
    en: "All dwellings: the sum of the four tenure categories including 'missing'"
  },
  base_unit: "dwellings",
  inputs: ["scb:dwellings_tenure"],
  unit: "percent",
  direction: "none",
  decimals: 1,
  caveats: [
    "Nämnaren är alla lägenheter, även de med okänd upplåtelseform: andelen är därmed en nedre gräns där 'uppgift saknas' förekommer.",
    "Lägenhetsregistret (SCB); specialbostäder ingår i beståndet."
  ],
  // TAB6258 mixes RegSO and DeSO rows: keep the RegSO rows. The denominator needs all four tenure
  // categories with a value; otherwise it would be a partial sum, so it stays NULL (missing).
  sql: `
    with source as (
      select region_code, year, tenure, dwellings
      from stg_scb__dwellings_tenure
      where region_level = $region_level
        and list_contains($tenures, tenure)
    ),
    per_region as (
      select
        region_code,
        year,
        sum(dwellings) filter (where tenure = $rental) as rental,
        case when count(dwellings) = len($tenures) then sum(dwellings) end as all_dwellings
      from source
      group by region_code, year
    ),
    final as (
      select region_code, year, rental as numerator, all_dwellings as denominator
      from per_region
    )
    select * from final
  `,
  params: {region_level: "regso", rental: "rental", tenures: ["rental", "tenant_owned", "owner_occupied", "missing"]},
  checks: {range: [0, 100], expect_years: [2020, 2021, 2022, 2023]}
});
