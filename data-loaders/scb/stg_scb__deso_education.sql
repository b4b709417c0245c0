-- TAB5956 → persons 25–64 by highest education level per DeSO and year. Mapped on labels.
create or replace table stg_scb__deso_education as
with
  cells as (
    select * from raw_scb__cells where table_key = 'deso_education'
  ),
  final as (
    select
      region_code,
      case lower(trim(value_label))
        when 'förgymnasial utbildning'                   then 'pre_upper_secondary'
        when 'gymnasial utbildning'                      then 'upper_secondary'
        when 'eftergymnasial utbildning, mindre än 3 år' then 'post_secondary_lt3'
        when 'eftergymnasial utbildning, 3 år eller mer' then 'post_secondary_ge3'
        when 'uppgift om utbildningsnivå saknas'         then 'missing'
        else error('stg_scb__deso_education: unmapped utbildningsnivå label "' || coalesce(value_label, '(none)') || '"')
      end as level,
      year,
      value as persons,
      status
    from cells
  )
select * from final order by region_code, level, year;
