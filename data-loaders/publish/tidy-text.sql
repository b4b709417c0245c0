-- The tidy rows as the CSV files show them: text cells that a spreadsheet would read as a formula
-- (starting with = + - @, tab or CR) get an apostrophe first, the same rule as neutralise() in
-- csv.ts; numbers (year, value) are untouched. _id keeps the raw id for selecting one indicator.
CREATE OR REPLACE TEMP MACRO neutralise(s) AS
  CASE WHEN regexp_matches(s, '^[=+\-@\t\r]') THEN '''' || s ELSE s END;

CREATE OR REPLACE TEMP VIEW tmp_publish_tidy_text AS
SELECT
  indicator_id AS _id,
  neutralise(indicator_id) AS indicator_id,
  neutralise(area_code) AS area_code,
  neutralise(area_name) AS area_name,
  neutralise(area_level) AS area_level,
  year,
  neutralise(sex) AS sex,
  neutralise("group") AS "group",
  value,
  neutralise(unit) AS unit,
  nullif(neutralise(status), '') AS status,  -- '' and NULL read the same in CSV; written as an empty cell
  neutralise(source) AS source,
  neutralise(retrieved) AS retrieved
FROM tmp_publish_tidy;
