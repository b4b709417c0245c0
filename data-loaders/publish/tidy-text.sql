-- The tidy rows as the files show them (TIDY_COLUMNS order), from tmp_publish_tidy and its texts (tidy.sql).
-- tmp_publish_tidy_text: every text cell through neutralise() (neutralise.sql), numbers (year, value)
-- untouched, for the CSV files; tmp_publish_tidy_rows: the raw cells, for Parquet. _id keeps the raw id for
-- the partitioned COPY, _ord the row order.
-- Each view reads one table, tmp_publish_tidy, which is stored in reading order: a SELECT from a single table keeps
-- its order (DuckDB, "Order preservation": SELECT, FROM with a single table, WHERE and COPY preserve it; a JOIN does
-- not). So the texts of the few indicators and areas are looked up by position in lists (variables set below), not
-- joined: the views' COPYs need no ORDER BY, which sorted the 414 000 wide rows of sweden scope once per file format.
-- Lists are 1-based; position is 0-based and dense (publish/index.ts), area_order 1-based and dense (tidy.sql).
SET VARIABLE tidy_ind = (
  SELECT {
    id_text: list(indicator_id_text ORDER BY position),
    unit: list(unit ORDER BY position), unit_text: list(unit_text ORDER BY position),
    gap_unit: list(gap_unit ORDER BY position), gap_unit_text: list(gap_unit_text ORDER BY position),
    source: list(source ORDER BY position), source_text: list(source_text ORDER BY position),
    derived_source: list(derived_source ORDER BY position), derived_source_text: list(derived_source_text ORDER BY position),
    retrieved: list(retrieved ORDER BY position), retrieved_text: list(retrieved_text ORDER BY position)
  }
  FROM tmp_publish_tidy_ind
);

SET VARIABLE tidy_area = (
  SELECT {
    code_text: list(area_code_text ORDER BY area_order),
    name: list(area_name ORDER BY area_order), name_text: list(area_name_text ORDER BY area_order),
    level: list(area_level ORDER BY area_order), level_text: list(area_level_text ORDER BY area_order)
  }
  FROM tmp_publish_tidy_areas
);

CREATE OR REPLACE TEMP VIEW tmp_publish_tidy_text AS
SELECT
  indicator_id AS _id,
  getvariable('tidy_ind').id_text[position + 1] AS indicator_id,
  getvariable('tidy_area').code_text[area_order] AS area_code,
  getvariable('tidy_area').name_text[area_order] AS area_name,
  getvariable('tidy_area').level_text[area_order] AS area_level,
  year,
  -- sex, group and status are never neutralised: the compute stage's checks admit only the contract's codes
  -- (indicators/checks.ts), none of which starts like a formula (a test holds the codes to that)
  sex,
  "group",
  value,
  CASE WHEN "group" = 'gap' THEN getvariable('tidy_ind').gap_unit_text[position + 1] ELSE getvariable('tidy_ind').unit_text[position + 1] END AS unit,
  nullif(status, '') AS status,  -- '' and NULL read the same in CSV; written as an empty cell
  CASE WHEN "group" = 'gap' THEN getvariable('tidy_ind').derived_source_text[position + 1] ELSE getvariable('tidy_ind').source_text[position + 1] END AS source,
  getvariable('tidy_ind').retrieved_text[position + 1] AS retrieved,
  _ord
FROM tmp_publish_tidy;

CREATE OR REPLACE TEMP VIEW tmp_publish_tidy_rows AS
SELECT
  indicator_id,
  area_code,
  getvariable('tidy_area').name[area_order] AS area_name,
  getvariable('tidy_area').level[area_order] AS area_level,
  year,
  sex,
  "group",
  value,
  CASE WHEN "group" = 'gap' THEN getvariable('tidy_ind').gap_unit[position + 1] ELSE getvariable('tidy_ind').unit[position + 1] END AS unit,
  status,
  CASE WHEN "group" = 'gap' THEN getvariable('tidy_ind').derived_source[position + 1] ELSE getvariable('tidy_ind').source[position + 1] END AS source,
  getvariable('tidy_ind').retrieved[position + 1] AS retrieved,
  _ord
FROM tmp_publish_tidy;
