-- Two Kolada KPIs that describe two groups of one population side by side, e.g. all pupils and pupils
-- excluding the newly arrived. No gap row: the groups overlap, so their difference is not a gap between groups.
-- Params: $kpi_a, $group_a  first KPI and its Group code
--         $kpi_b, $group_b  second KPI and its Group code
with group_a as (
  select area_code, year, gender as sex, value
  from stg_kolada__values
  where kpi = $kpi_a
),
group_b as (
  select area_code, year, gender as sex, value
  from stg_kolada__values
  where kpi = $kpi_b
)
select area_code, year, sex, $group_a as "group", value from group_a
union all
select area_code, year, sex, $group_b as "group", value from group_b
