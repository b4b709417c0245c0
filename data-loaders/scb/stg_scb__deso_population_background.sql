-- TAB6571 → persons by foreign/Swedish background per DeSO and year (utländsk bakgrund = born
-- abroad or both parents born abroad; not the same as foreign-born). Mapped on labels.
create or replace table stg_scb__deso_population_background as
with
  cells as (
    select * from raw_scb__cells where table_key = 'deso_population_background'
  ),
  final as (
    select
      region_code,
      case lower(trim(value_label))
        when 'utländsk bakgrund' then 'foreign'
        when 'svensk bakgrund'   then 'swedish'
        when 'totalt'            then 'total'
        else error('stg_scb__deso_population_background: unmapped bakgrund label "' || coalesce(value_label, '(none)') || '"')
      end as background,
      year,
      value as persons,
      status
    from cells
  )
select * from final order by region_code, background, year;
