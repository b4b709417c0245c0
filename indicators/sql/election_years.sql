-- Kolada repeats an election's value in every year up to the next election (U65861 for 2019, 2020 and 2021
-- equals 2018). Keep the election years only, so no trend is drawn through repeated values. Swedish general
-- elections have been held every fourth year since 1994 (1994, 1998, …, 2022, 2026): the years ≡ 2 (mod 4).
select *
from series_all_years
where year % 4 = 2
