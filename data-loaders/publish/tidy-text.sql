-- The tidy rows as the CSV files show them: every text cell through neutralise() (neutralise.sql);
-- numbers (year, value) untouched. _id keeps the raw id for selecting one indicator, _ord the row order.

-- A table, not a view: both CSV files read it, and neutralise() over every text cell is the costly part.
CREATE OR REPLACE TEMP TABLE tmp_publish_tidy_text AS
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
  neutralise(retrieved) AS retrieved,
  _ord
FROM tmp_publish_tidy;
