-- The warehouse contract: staging tables in long form, one-to-one with the sources,
-- English snake_case, no joins or aggregation (dbt staging). Indicator SQL reads only these.
-- Missing values stay NULL with a status; they are never 0.

-- Kolada values: one row per KPI, area, year and gender.
CREATE TABLE stg_kolada__values (
  kpi        VARCHAR NOT NULL,            -- Kolada KPI id, e.g. N02268
  area_code  VARCHAR NOT NULL,            -- Kolada municipality id: 0000 Riket, 0006 region, 0680 kommun
  year       INTEGER NOT NULL,            -- Kolada period
  gender     VARCHAR NOT NULL,            -- T total, K women, M men
  value      DOUBLE,                      -- NULL = missing
  status     VARCHAR                      -- Kolada's status text; 'missing' where value is NULL; NULL when none
);

-- Kolada KPI metadata.
CREATE TABLE stg_kolada__kpis (
  kpi                   VARCHAR NOT NULL PRIMARY KEY,
  title                 VARCHAR NOT NULL,
  description           VARCHAR,
  unit                  VARCHAR,          -- derived from the title: 'percent', 'count', 'per_1000', 'per_100000', 'per_10000', 'sek', 'ratio', 'index', 'days', 'other'
  source_agency         VARCHAR,          -- underlying agency named in the description ("Källa: …"), NULL when not stated
  is_divided_by_gender  BOOLEAN,
  municipality_type     VARCHAR,
  operating_area        VARCHAR,
  perspective           VARCHAR,
  publication_date      VARCHAR,
  publ_period           VARCHAR,
  auspice               VARCHAR
);

-- Areas at every level. Kolada areas come from /municipality; RegSO/DeSO from SCB tables and the DeSO→RegSO key.
CREATE TABLE stg_areas (
  area_code          VARCHAR NOT NULL PRIMARY KEY, -- 0000, 0006, 0680, 0680R024, 0680C1070
  name               VARCHAR NOT NULL,             -- SCB/Kolada full name: "Jönköping (Råslätt)"
  short_name         VARCHAR NOT NULL,             -- display name: "Råslätt", "Jönköping"
  level              VARCHAR NOT NULL,             -- country | county | municipality | regso | deso
  parent_code        VARCHAR,                      -- municipality → county, RegSO → municipality, DeSO → RegSO
  municipality_code  VARCHAR,                      -- for municipality, RegSO, DeSO
  county_code        VARCHAR,                      -- Kolada county id (0006) for county and below
  area_type          INTEGER                       -- Delmos/SCB områdestyp 1–5 (RegSO, latest year), NULL elsewhere
);

-- SCB cells as decoded from json-stat2, before per-table renames (one row per cell).
CREATE TABLE raw_scb__cells (
  table_key      VARCHAR NOT NULL,   -- our slug, e.g. regso_population_birthregion
  table_id       VARCHAR NOT NULL,   -- SCB table id as resolved, e.g. TAB6572
  region_code    VARCHAR NOT NULL,
  variable       VARCHAR,            -- the table's one classification variable besides Region (NULL if none)
  value_code     VARCHAR,            -- its value code
  value_label    VARCHAR,            -- its value label (the codes of the simulator are stand-ins: map on labels)
  contents_code  VARCHAR NOT NULL,
  year           INTEGER NOT NULL,
  value          DOUBLE,             -- NULL = missing
  status         VARCHAR             -- SCB marker such as '..' when missing, else NULL
);

-- Per-table staging (renames of raw_scb__cells). Counts are persons, dwellings, households or cars.
-- stg_scb__regso_population_birthregion(region_code, birth_region 'total'|'sweden', year, persons, status)        TAB6572
-- stg_scb__dwellings_tenure(region_code, region_level 'regso'|'deso', tenure 'rental'|'tenant_owned'|'owner_occupied'|'missing', year, dwellings, status)  TAB6258
-- stg_scb__regso_mean_wage_income(region_code, year, mean_income_tkr, status)                                   SIM_INKREGSO
-- stg_scb__deso_population_background(region_code, background 'foreign'|'swedish'|'total', year, persons, status) TAB6571
-- stg_scb__deso_education(region_code, level 'pre_upper_secondary'|'upper_secondary'|'post_secondary_lt3'|'post_secondary_ge3'|'missing', year, persons, status) TAB5956
-- stg_scb__deso_population_age(region_code, age_group 'total'|'0-4'|…|'75-79'|'80-', year, persons, status)      TAB6574
-- stg_scb__deso_households(region_code, year, households, status)                                                TAB6568
-- stg_scb__deso_cars(region_code, year, cars, status)                                                            TAB6091
-- stg_scb__deso_median_income(region_code, year, median_income_tkr, persons, status)                             SIM_INKDESO
-- stg_scb__regso_area_type(region_code, year, area_type INTEGER, status)                                         SIM_OMRTYP

-- SCB table metadata as each table's metadata answer states it: one row per table fetched.
CREATE TABLE stg_scb__tables (
  table_key  VARCHAR NOT NULL PRIMARY KEY,  -- our slug
  table_id   VARCHAR NOT NULL,              -- SCB table id as resolved (the simulator's stand-ins start with SIM_)
  title      VARCHAR NOT NULL,              -- the table's label (json-stat2 `label`)
  updated    VARCHAR,                       -- SCB's own `updated` (YYYY-MM-DD); NULL when the answer is the simulator's placeholder
  simulated  BOOLEAN NOT NULL               -- the answer says it comes from the simulator (its json-stat2 note)
);

-- Provenance of every staged dataset: one row per raw file.
CREATE TABLE meta_raw_files (
  dataset     VARCHAR NOT NULL,  -- e.g. kolada:values, scb:TAB6572
  source      VARCHAR NOT NULL,  -- kolada | scb | reference
  file        VARCHAR NOT NULL,  -- path relative to the data dir
  url         VARCHAR NOT NULL,
  fetched_at  TIMESTAMPTZ NOT NULL,
  sha256      VARCHAR NOT NULL,
  publisher   VARCHAR NOT NULL,
  licence     VARCHAR NOT NULL
);

-- SCB's DeSO 2025 polygons of the county (geodata WFS, or the configured snapshot) and the DeSO 2025 → 2018 key.
CREATE TABLE stg_geodata__deso_2025 (
  deso_2025          VARCHAR NOT NULL PRIMARY KEY, -- 0680C1071
  regso_2025         VARCHAR NOT NULL,             -- as the polygon source states it (equals the RegSO 2020 code here)
  municipality_code  VARCHAR NOT NULL,
  geometry           VARCHAR NOT NULL              -- GeoJSON geometry, lon/lat, as validated (not simplified)
);
CREATE TABLE stg_geodata__deso_key (
  deso_2025   VARCHAR NOT NULL PRIMARY KEY,
  deso_2018   VARCHAR NOT NULL,                    -- the code of the statistics
  regso_2025  VARCHAR NOT NULL,
  relation    VARCHAR NOT NULL                     -- same | split_of_2018
);

-- Structural Kolada KPIs for all municipalities (similar municipalities only; never in the published indicator files).
CREATE TABLE stg_kolada__structural (
  kpi        VARCHAR NOT NULL,
  area_code  VARCHAR NOT NULL,  -- municipality id
  year       INTEGER NOT NULL,
  value      DOUBLE NOT NULL,   -- gender T
  PRIMARY KEY (kpi, area_code, year)
);
CREATE TABLE stg_kolada__structural_areas (
  area_code  VARCHAR NOT NULL PRIMARY KEY,  -- every municipality Kolada lists
  name       VARCHAR NOT NULL
);
