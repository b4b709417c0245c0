-- The tidy rows as the files show them (TIDY_COLUMNS order), from tmp_publish_tidy and its texts (tidy.sql).
-- tmp_publish_tidy_text: every text cell through neutralise() (neutralise.sql), numbers (year, value)
-- untouched, for the CSV files; tmp_publish_tidy_rows: the raw cells, for Parquet. _id keeps the raw id for
-- the partitioned COPY, _ord the row order. Views: each COPY joins the few texts on again.
CREATE OR REPLACE TEMP VIEW tmp_publish_tidy_text AS
SELECT
  t.indicator_id AS _id,
  p.indicator_id_text AS indicator_id,
  a.area_code_text AS area_code,
  a.area_name_text AS area_name,
  a.area_level_text AS area_level,
  t.year,
  neutralise(t.sex) AS sex,
  neutralise(t."group") AS "group",
  t.value,
  CASE WHEN t."group" = 'gap' THEN p.gap_unit_text ELSE p.unit_text END AS unit,
  nullif(neutralise(t.status), '') AS status,  -- '' and NULL read the same in CSV; written as an empty cell
  CASE WHEN t."group" = 'gap' THEN p.derived_source_text ELSE p.source_text END AS source,
  p.retrieved_text AS retrieved,
  t._ord
FROM tmp_publish_tidy AS t
JOIN tmp_publish_tidy_ind AS p USING (indicator_id)
JOIN tmp_publish_tidy_areas AS a USING (area_code);

CREATE OR REPLACE TEMP VIEW tmp_publish_tidy_rows AS
SELECT
  t.indicator_id,
  t.area_code,
  a.area_name,
  a.area_level,
  t.year,
  t.sex,
  t."group",
  t.value,
  CASE WHEN t."group" = 'gap' THEN p.gap_unit ELSE p.unit END AS unit,
  t.status,
  CASE WHEN t."group" = 'gap' THEN p.derived_source ELSE p.source END AS source,
  p.retrieved,
  t._ord
FROM tmp_publish_tidy AS t
JOIN tmp_publish_tidy_ind AS p USING (indicator_id)
JOIN tmp_publish_tidy_areas AS a USING (area_code);
