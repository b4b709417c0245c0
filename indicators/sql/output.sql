-- Shared by every template (index.ts appends it after the template's rows, which it names `series`):
-- types the columns and sets the row status.
--   'missing'  no value (Kolada published none, or one input of a gap is absent): never 0
--   'break'    the first value at or after $break_year in each area × sex × group; $break_year is the first
--              year after a break in the series (the indicator's series_breaks), 0 when there is none
--   ''         an ordinary value
first_after_break as (
  select area_code, sex, "group", min(year) as year
  from series
  where $break_year > 0 and year >= $break_year and value is not null
  group by area_code, sex, "group"
)
select
  s.area_code::varchar as area_code,
  s.year::integer as year,
  s.sex::varchar as sex,
  s."group"::varchar as "group",
  s.value::double as value,
  (case
    when s.value is null then 'missing'
    when b.year is not null then 'break'
    else ''
  end)::varchar as status
from series as s
left join first_after_break as b
  on b.area_code = s.area_code and b.sex = s.sex and b."group" = s."group" and b.year = s.year
order by area_code, year, sex, "group"
