-- Names of all municipalities (/municipality, type K) for the similar-municipalities files: stg_areas holds only the scope's.
insert into stg_kolada__structural_areas
with
  pages as (
    select unnest("values") as a
    from read_json($files, format = 'unstructured', columns = {"values": 'STRUCT(id VARCHAR, title VARCHAR, type VARCHAR)[]'})
  ),
  final as (
    select distinct a.id as area_code, a.title as name from pages where a.type = 'K'
  )
select area_code, name from final;
