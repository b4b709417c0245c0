-- Structural Kolada values → stg_kolada__structural: municipalities only, gender T, deleted and missing values dropped.
-- The pages were validated with zod by the client; DuckDB reads them directly ($files).
insert into stg_kolada__structural
with
  pages as (
    select unnest("values") as r
    from read_json($files, format = 'unstructured', maximum_object_size = 33554432,
      columns = {"values": 'STRUCT(kpi VARCHAR, municipality VARCHAR, period INTEGER, "values" STRUCT(gender VARCHAR, count INTEGER, status VARCHAR, value DOUBLE, isdeleted BOOLEAN)[])[]'})
  ),
  gender_values as (
    select r.kpi, r.municipality as area_code, r.period as year, unnest(r."values") as v from pages
  ),
  final as (
    select kpi, area_code, year, v.value as value
    from gender_values
    where v.gender = 'T' and not v.isdeleted and v.value is not null
      and regexp_full_match(area_code, '[0-9]{4}') and not starts_with(area_code, '00')
  )
select kpi, area_code, year, value from final;
