-- Foreign-born vs a comparison group, from two Kolada KPIs, and the gap between them.
-- Params: $kpi_foreign      KPI for the foreign-born (group 'foreign_born'), e.g. 'N02268'
--         $kpi_comparison   KPI for the comparison group, e.g. 'N02267'
--         $comparison_group 'all' or 'born_in_sweden': the Group code of $kpi_comparison
-- Gap = foreign_born − comparison, in percentage points, per area, year and sex. It has a value only where
-- both inputs have one; otherwise the gap row has no value (status 'missing'), never 0.
with foreign_born as (
  select area_code, year, gender as sex, value
  from stg_kolada__values
  where kpi = $kpi_foreign
),
comparison as (
  select area_code, year, gender as sex, value
  from stg_kolada__values
  where kpi = $kpi_comparison
),
pair_keys as (
  select area_code, year, sex from foreign_born
  union
  select area_code, year, sex from comparison
),
gap as (
  -- NULL unless both exist. Rounded to 10 decimals to drop floating-point noise (Kolada gives at most 8).
  select k.area_code, k.year, k.sex, round(f.value - c.value, 10) as value
  from pair_keys as k
  left join foreign_born as f on f.area_code = k.area_code and f.year = k.year and f.sex = k.sex
  left join comparison as c on c.area_code = k.area_code and c.year = k.year and c.sex = k.sex
)
select area_code, year, sex, 'foreign_born' as "group", value from foreign_born
union all
select area_code, year, sex, $comparison_group as "group", value from comparison
union all
select area_code, year, sex, 'gap' as "group", value from gap
