-- TAB6574 → persons by five-year age group per DeSO and year. Labels "0-4 år" … "80- år" (or
-- "80+ år") become '0-4' … '80-'; "totalt" becomes 'total'.
create or replace table stg_scb__deso_population_age as
with
  cells as (
    select * from raw_scb__cells where table_key = 'deso_population_age'
  ),
  final as (
    select
      region_code,
      case
        when lower(trim(value_label)) = 'totalt' then 'total'
        when regexp_matches(trim(value_label), '^\d+[-+]\d*\s*år$')
          then regexp_extract(trim(value_label), '^(\d+)', 1) || '-' || regexp_extract(trim(value_label), '^\d+[-+](\d*)', 1)
        else error('stg_scb__deso_population_age: unmapped ålder label "' || coalesce(value_label, '(none)') || '"')
      end as age_group,
      year,
      value as persons,
      status
    from cells
  )
select * from final order by region_code, year, age_group;
