-- SIM_OMRTYP (SCB/Delmos IntGr5Socio, resolved by title) → områdestyp 1–5 per RegSO and year:
-- 1 = large socio-economic challenges … 5 = very good socio-economic conditions.
create or replace table stg_scb__regso_area_type as
with
  cells as (
    select * from raw_scb__cells where table_key = 'regso_area_type'
  ),
  final as (
    select
      region_code,
      year,
      case
        when value is null then null
        when value in (1, 2, 3, 4, 5) then cast(value as INTEGER)
        else error('stg_scb__regso_area_type: områdestyp ' || value || ' for ' || region_code || ' is not 1–5')
      end as area_type,
      status
    from cells
  )
select * from final order by region_code, year;
