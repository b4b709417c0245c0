-- neutralise(text): text cells that a spreadsheet would read as a formula (starting with = + - @,
-- tab or CR) get an apostrophe first. The same rule as neutralise() in csv.ts (a test keeps the two equal).
CREATE OR REPLACE TEMP MACRO neutralise(s) AS
  CASE WHEN regexp_matches(s, '^[=+\-@\t\r]') THEN '''' || s ELSE s END;
