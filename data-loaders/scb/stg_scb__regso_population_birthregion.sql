-- TAB6572 → persons by birth region per RegSO and year (31 Dec). Birth region is mapped on SCB's
-- labels (the simulator's codes are stand-ins); an unknown label stops staging.
create or replace table stg_scb__regso_population_birthregion as
with
  cells as (
    select * from raw_scb__cells where table_key = 'regso_population_birthregion'
  ),
  final as (
    select
      region_code,
      case lower(trim(value_label))
        when 'totalt'  then 'total'
        when 'sverige' then 'sweden'
        else error('stg_scb__regso_population_birthregion: unmapped födelseregion label "' || coalesce(value_label, '(none)') || '"')
      end as birth_region,
      year,
      value as persons,
      status
    from cells
  )
select * from final order by region_code, birth_region, year;
