-- RegSO and DeSO rows of stg_areas from the DeSO→RegSO key ($deso_codes, $regso_codes,
-- $regso_names, $municipality_names: one entry per key row). RegSO name = SCB's label
-- "Kommun (Område)", short name = the part in parentheses; DeSO labels at SCB are their codes.
-- Kolada county id = "00" + the län digits; area_type = the RegSO's latest områdestyp.
insert into stg_areas
with
  key as (
    select
      unnest($deso_codes::VARCHAR[])         as deso_code,
      unnest($regso_codes::VARCHAR[])        as regso_code,
      unnest($regso_names::VARCHAR[])        as regso_name,
      unnest($municipality_names::VARCHAR[]) as municipality_name
  ),
  latest_area_type as (
    select region_code, arg_max(area_type, year) as area_type
    from stg_scb__regso_area_type
    where area_type is not null
    group by region_code
  ),
  regso as (
    select distinct
      regso_code                                 as area_code,
      municipality_name || ' (' || regso_name || ')' as name,
      regso_name                                 as short_name,
      'regso'                                    as level,
      left(regso_code, 4)                        as parent_code
    from key
  ),
  deso as (
    select
      deso_code  as area_code,
      deso_code  as name,
      deso_code  as short_name,
      'deso'     as level,
      regso_code as parent_code
    from key
  ),
  final as (
    select
      a.area_code,
      a.name,
      a.short_name,
      a.level,
      a.parent_code,
      left(a.area_code, 4)           as municipality_code,
      '00' || left(a.area_code, 2)   as county_code,
      t.area_type
    from (select * from regso union all select * from deso) a
    left join latest_area_type t on t.region_code = a.area_code and a.level = 'regso'
  )
select * from final order by level desc, area_code;
