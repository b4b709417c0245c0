-- Kolada values → stg_kolada__values: one row per KPI, area, year and gender.
-- DuckDB reads the raw pages directly ($files); the client validated each page with zod before.
-- Deleted values are dropped (an absent isdeleted means not deleted); a missing value stays NULL with status 'missing', never 0; Kolada's
-- empty status text becomes NULL.
insert into stg_kolada__values
with
  pages as (
    select unnest("values") as r
    from read_json(
      $files,
      format = 'unstructured',  -- one JSON document per raw file; 'auto' also probes for newline-delimited records, and a body ending in whitespace then ran out of memory under the 300 MB limit (3 of 8 runs)
      maximum_object_size = 33554432,
      columns = {
        "values": 'STRUCT(kpi VARCHAR, municipality VARCHAR, period INTEGER, "values" STRUCT(gender VARCHAR, count INTEGER, status VARCHAR, value DOUBLE, isdeleted BOOLEAN)[])[]'
      }
    )
  ),
  gender_values as (
    select r.kpi, r.municipality, r.period, unnest(r."values") as v
    from pages
  ),
  renamed as (
    select
      kpi,
      municipality as area_code,
      period       as year,
      v.gender     as gender,
      v.value      as value,
      v.status     as kolada_status,
      coalesce(v.isdeleted, false) as is_deleted  -- absent = not deleted (see schemas.ts)
    from gender_values
  ),
  final as (
    select
      kpi,
      area_code,
      year,
      gender,
      value,
      case when value is null then 'missing' else nullif(kolada_status, '') end as status
    from renamed
    where not is_deleted
  )
select kpi, area_code, year, gender, value, status
from final;
