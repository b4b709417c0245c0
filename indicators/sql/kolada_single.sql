-- One Kolada KPI as one population group, for every area, year and gender Kolada publishes.
-- Params: $kpi   Kolada KPI id, e.g. 'N02797'
--         $group the Group code (indicators/published.ts) of the population the value describes
with kpi_values as (
  select area_code, year, gender as sex, value
  from stg_kolada__values
  where kpi = $kpi
)
select area_code, year, sex, $group as "group", value
from kpi_values
