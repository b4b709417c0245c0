-- TAB6091 → passenger cars in use per DeSO and year.
create or replace table stg_scb__deso_cars as
with
  cells as (
    select * from raw_scb__cells where table_key = 'deso_cars'
  ),
  final as (
    select region_code, year, value as cars, status
    from cells
  )
select * from final order by region_code, year;
