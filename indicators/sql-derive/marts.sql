-- The indicator marts. Computed by indicators/compute.ts; read by the checks and the publish stage.
-- No NOT NULL on the key columns: the checks (indicators/checks.ts) report such rows together
-- with every other failure instead of the first insert stopping the run.

-- One row per indicator, area, year, sex and group, as the indicator's SQL returned it.
CREATE TABLE IF NOT EXISTS mart_indicator_values (
  indicator_id  VARCHAR,
  area_code     VARCHAR,
  year          INTEGER,
  sex           VARCHAR,
  "group"       VARCHAR,
  value         DOUBLE,     -- NULL = no value; status says why
  status        VARCHAR     -- '' ordinary | missing | suppressed | break (RowStatus)
);

-- One row per indicator, area, sex and group: the columns of SummaryRow (indicators/published.ts), in order.
CREATE TABLE IF NOT EXISTS mart_indicator_summary (
  indicator_id                VARCHAR,
  area_code                   VARCHAR,
  area_name                   VARCHAR,
  area_level                  VARCHAR,
  sex                         VARCHAR,
  "group"                     VARCHAR,
  latest_year                 INTEGER,
  latest_value                DOUBLE,
  baseline_year               INTEGER,
  baseline_value              DOUBLE,
  baseline_is_strategy_start  BOOLEAN,
  change_since_baseline       DOUBLE,
  change_5y_from_year         INTEGER,
  change_5y                   DOUBLE,
  direction                   VARCHAR,
  target_value                DOUBLE,
  trend                       VARCHAR,
  trend_from_year             INTEGER,
  trend_to_year               INTEGER,
  trend_points                INTEGER,
  trend_slope_per_year        DOUBLE,
  trend_slope_ci_low          DOUBLE,
  trend_slope_ci_high         DOUBLE,
  trend_t                     DOUBLE,
  period_from_year            INTEGER,
  period_from_value           DOUBLE,
  period_to_year              INTEGER,
  period_to_value             DOUBLE,
  period_change               DOUBLE,
  period_status               VARCHAR,
  period_method               VARCHAR,
  since_from_year             INTEGER,
  since_from_value            DOUBLE,
  since_to_year               INTEGER,
  since_to_value              DOUBLE,
  since_change                DOUBLE,
  since_status                VARCHAR,
  since_method                VARCHAR,
  rank                        INTEGER,
  rank_of                     INTEGER,
  rank_year                   INTEGER,
  sweden_value                DOUBLE,
  diff_vs_sweden              DOUBLE,
  county_value                DOUBLE,
  county_comparator           VARCHAR,
  county_n                    INTEGER,
  county_note                 VARCHAR,
  diff_vs_county              DOUBLE
);

-- One row per goal indicator × sex × group with any municipal value: CountyStatusRow, in column order.
CREATE TABLE IF NOT EXISTS mart_county_status (
  indicator_id          VARCHAR,
  sex                   VARCHAR,
  "group"               VARCHAR,
  basis                 VARCHAR,
  window_from_year      INTEGER,
  window_to_year        INTEGER,
  n_municipalities      INTEGER,
  n_improving           INTEGER,
  n_worsening           INTEGER,
  n_no_clear_change     INTEGER,
  n_insufficient_data   INTEGER,
  county_trend          VARCHAR,
  median_year           INTEGER,
  median_value          DOUBLE,
  median_n              INTEGER
);
