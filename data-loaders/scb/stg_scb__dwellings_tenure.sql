-- TAB6258 → dwellings by tenure. The table mixes RegSO rows (2020–2023) and DeSO rows (2022; other
-- years missing with '..'): region_level comes from the code pattern. Tenure is mapped on labels.
create or replace table stg_scb__dwellings_tenure as
with
  cells as (
    select * from raw_scb__cells where table_key = 'dwellings_tenure'
  ),
  final as (
    select
      region_code,
      case
        when regexp_matches(region_code, '^\d{4}R\d{3}$')     then 'regso'
        when regexp_matches(region_code, '^\d{4}[ABC]\d{4}$') then 'deso'
        else error('stg_scb__dwellings_tenure: region code "' || region_code || '" is neither RegSO nor DeSO')
      end as region_level,
      case lower(trim(value_label))
        when 'hyresrätt'      then 'rental'
        when 'bostadsrätt'    then 'tenant_owned'
        when 'äganderätt'     then 'owner_occupied'
        when 'uppgift saknas' then 'missing'
        else error('stg_scb__dwellings_tenure: unmapped upplåtelseform label "' || coalesce(value_label, '(none)') || '"')
      end as tenure,
      year,
      value as dwellings,
      status
    from cells
  )
select * from final order by region_level desc, region_code, tenure, year;
