-- Kolada areas (/municipality) → the country, county and municipality rows of stg_areas, for the
-- area ids of the scope ($area_ids). Levels: 0000 = country, type L = county (region), type K =
-- municipality, whose county is "00" + the first two digits of its id.
insert into stg_areas
with
  pages as (
    select unnest("values") as a
    from read_json($files, format = 'unstructured', columns = {"values": 'STRUCT(id VARCHAR, title VARCHAR, type VARCHAR)[]'})
  ),
  renamed as (
    select a.id as area_code, a.title as name, a.type as kolada_type
    from pages
    where a.id in (select unnest($area_ids::VARCHAR[]))
  ),
  levelled as (
    select
      *,
      case
        when area_code = '0000'  then 'country'
        when kolada_type = 'L'   then 'county'
        when kolada_type = 'K'   then 'municipality'
      end as level
    from renamed
  ),
  final as (
    select
      area_code,
      name,
      case level
        when 'country' then 'Sverige'
        when 'county'  then regexp_replace(name, '^Region ', '')
        else name
      end as short_name,
      level,
      case level
        when 'county'       then '0000'
        when 'municipality' then '00' || left(area_code, 2)
      end as parent_code,
      case level when 'municipality' then area_code end as municipality_code,
      case level
        when 'county'       then area_code
        when 'municipality' then '00' || left(area_code, 2)
      end as county_code,
      null::INTEGER as area_type
    from levelled
  )
select * from final;
