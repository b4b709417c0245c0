-- TAB6568 → number of households (all household types) per DeSO and year.
create or replace table stg_scb__deso_households as
with
  cells as (
    select * from raw_scb__cells where table_key = 'deso_households'
  ),
  final as (
    select region_code, year, value as households, status
    from cells
  )
select * from final order by region_code, year;
