-- SIM_INKREGSO (SCB Tab1InkDesoN, resolved by title) → mean wage income, tkr, all persons 20+
-- (including those without wage income), per RegSO and year. Inkomstkomponent and Kon are fixed.
create or replace table stg_scb__regso_mean_wage_income as
with
  cells as (
    select * from raw_scb__cells where table_key = 'regso_mean_wage_income'
  ),
  final as (
    select region_code, year, value as mean_income_tkr, status
    from cells
  )
select * from final order by region_code, year;
