-- SIM_INKDESO (SCB DeSO income table, resolved by title) → median income (tkr) and number of
-- persons 20+ per DeSO and year. The two measures are ContentsCode values, mapped on their labels
-- and put side by side; status is the median's, else the persons'.
create or replace table stg_scb__deso_median_income as
with
  cells as (
    select * from raw_scb__cells where table_key = 'deso_median_income'
  ),
  measures as (
    select
      region_code,
      year,
      value,
      status,
      case lower(trim(value_label))
        when 'medianinkomst, tkr' then 'median_income_tkr'
        when 'antal personer'     then 'persons'
        else error('stg_scb__deso_median_income: unmapped tabellinnehåll label "' || coalesce(value_label, '(none)') || '"')
      end as measure
    from cells
  ),
  median as (
    select region_code, year, value, status from measures where measure = 'median_income_tkr'
  ),
  persons as (
    select region_code, year, value, status from measures where measure = 'persons'
  ),
  final as (
    select
      region_code,
      year,
      median.value as median_income_tkr,
      persons.value as persons,
      coalesce(median.status, persons.status) as status
    from median full outer join persons using (region_code, year)
  )
select * from final order by region_code, year;
