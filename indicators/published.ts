/**
 * The contract of the published files (written by the pipeline's publish stage under
 * src/data/pub/, read by the site and by journalists). Schema and type share a name.
 *
 * Layout of src/data/pub/:
 *   catalogue.json                   Catalogue: goals, indicators (metadata, sources, files), areas, run
 *   summary.csv                      SummaryRow per indicator × area × sex × group (latest, change, trend, period, rank, comparisons)
 *   county-status.csv                CountyStatusRow per goal indicator × sex × group (county trend or municipal distribution)
 *   coverage.csv                     CoverageRow: goal → indicator → years → areas (goals without statistics included)
 *   indicators/<id>.csv              TidyRow, UTF-8, comma, decimal point, one header row
 *   indicators/<id>.excel.csv        same rows for Swedish Excel: UTF-8 BOM, semicolon, decimal comma
 *   indicators/<id>.parquet          same rows, Parquet
 *   areas/regso.csv, areas/*.csv     neighbourhood files (area_level regso/deso), same tidy columns
 *   areas/omradesgrupper.csv         the four named areas (five RegSO) compared, for spreadsheets
 *   geo/kommuner.json                the county's municipalities as GeoJSON for the map
 *   bulk.zip                         everything above + README.txt (definitions, licences, how to cite)
 */
import {z} from "zod";

/** Sex codes follow Kolada: T total, K women (kvinnor), M men (män). */
export const Sex = z.enum(["T", "K", "M"]);
export type Sex = z.infer<typeof Sex>;

/**
 * Population group a value refers to. `gap` rows hold foreign-born minus the comparison group,
 * in percentage points; `comparison_group` names that group in the catalogue.
 */
export const Group = z.enum(["all", "foreign_born", "born_in_sweden", "gap", "refugees", "newly_arrived", "excl_newly_arrived"]);
export type Group = z.infer<typeof Group>;

export const AreaLevel = z.enum(["country", "county", "municipality", "regso", "deso"]);
export type AreaLevel = z.infer<typeof AreaLevel>;

/** Row status: '' ordinary; 'missing' no value; 'suppressed' small base; 'break' first value after a break in series. */
export const RowStatus = z.enum(["", "missing", "suppressed", "break"]);
export type RowStatus = z.infer<typeof RowStatus>;

/** Columns of every tidy CSV, in order. */
export const TIDY_COLUMNS = [
  "indicator_id", "area_code", "area_name", "area_level", "year", "sex", "group",
  "value", "unit", "status", "source", "retrieved"
] as const;

export const TidyRow = z.object({
  indicator_id: z.string(),
  area_code: z.string(),
  area_name: z.string(),
  area_level: AreaLevel,
  year: z.number().int(),
  sex: Sex,
  group: Group,
  value: z.number().nullable(),
  unit: z.string(),
  status: RowStatus,
  /** e.g. "Kolada N02268 (SCB)" or "SCB TAB6572". */
  source: z.string(),
  /** Retrieval date (UTC) of the raw data, YYYY-MM-DD. */
  retrieved: z.string()
});
export type TidyRow = z.infer<typeof TidyRow>;

/**
 * Status of a trend or of a period assessment. improving/worsening only when the least-squares slope is both large
 * enough (the relative threshold) and distinguishable from zero (two-sided t test at 5 %); otherwise no_clear_change.
 * insufficient_data: too few independent points; not_applicable: context indicators and direction `none`.
 */
export const TrendStatus = z.enum(["improving", "worsening", "no_clear_change", "insufficient_data", "not_applicable"]);
export type TrendStatus = z.infer<typeof TrendStatus>;

/** How a period status was reached: a trend over the period's years, two points only, two elections, or none. */
export const PeriodMethod = z.enum(["trend", "two_points", "elections", "none"]);
export type PeriodMethod = z.infer<typeof PeriodMethod>;

/**
 * Desired direction. `target`: the goal is a value (balance ratios 1, gaps 0); ranks and trends are by the distance
 * from `target_value`. `none`: context, no judgement.
 */
export const Direction = z.enum(["higher_is_better", "lower_is_better", "target", "none"]);
export type Direction = z.infer<typeof Direction>;

/** Columns of summary.csv, in order. */
export const SUMMARY_COLUMNS = [
  "indicator_id", "area_code", "area_name", "area_level", "sex", "group",
  "latest_year", "latest_value", "baseline_year", "baseline_value", "baseline_is_strategy_start",
  "change_since_baseline", "change_5y_from_year", "change_5y",
  "direction", "target_value",
  "trend", "trend_from_year", "trend_to_year", "trend_points",
  "trend_slope_per_year", "trend_slope_ci_low", "trend_slope_ci_high", "trend_t",
  "period_from_year", "period_from_value", "period_to_year", "period_to_value", "period_change",
  "period_status", "period_method",
  "since_from_year", "since_from_value", "since_to_year", "since_to_value", "since_change",
  "since_status", "since_method",
  "rank", "rank_of", "rank_year", "sweden_value", "diff_vs_sweden",
  "county_value", "county_comparator", "county_n", "county_note", "diff_vs_county"
] as const;

export const SummaryRow = z.object({
  indicator_id: z.string(),
  area_code: z.string(),
  area_name: z.string(),
  area_level: AreaLevel,
  sex: Sex,
  group: Group,
  latest_year: z.number().int().nullable(),
  latest_value: z.number().nullable(),
  /** 2015 (the strategy's first year) or the series' first year when it starts later. */
  baseline_year: z.number().int().nullable(),
  baseline_value: z.number().nullable(),
  baseline_is_strategy_start: z.boolean(),
  change_since_baseline: z.number().nullable(),
  change_5y_from_year: z.number().int().nullable(),
  change_5y: z.number().nullable(),
  /** From the indicator file; gap rows are `target` with target_value 0. */
  direction: Direction,
  /** Balance ratios 1, gaps 0; null unless direction is `target`. */
  target_value: z.number().nullable(),
  trend: TrendStatus,
  /** The window actually used (independent points only). */
  trend_from_year: z.number().int().nullable(),
  trend_to_year: z.number().int().nullable(),
  /** Independent points used; rolling-mean series count non-overlapping points only. */
  trend_points: z.number().int(),
  /** Least-squares slope in the indicator's unit per year (of the value, not of the distance from a target). */
  trend_slope_per_year: z.number().nullable(),
  /** 95 % confidence interval of the slope (t distribution, n − 2 degrees of freedom). */
  trend_slope_ci_low: z.number().nullable(),
  trend_slope_ci_high: z.number().nullable(),
  /** slope / standard error; null with fewer than 3 points or a perfect fit. */
  trend_t: z.number().nullable(),
  /** Strategy period 2015→2020: the nearest years with values inside the period. */
  period_from_year: z.number().int().nullable(),
  period_from_value: z.number().nullable(),
  period_to_year: z.number().int().nullable(),
  period_to_value: z.number().nullable(),
  period_change: z.number().nullable(),
  period_status: TrendStatus,
  period_method: PeriodMethod,
  /** Since the period: 2020 → latest (elections 2018 → 2022). */
  since_from_year: z.number().int().nullable(),
  since_from_value: z.number().nullable(),
  since_to_year: z.number().int().nullable(),
  since_to_value: z.number().nullable(),
  since_change: z.number().nullable(),
  since_status: TrendStatus,
  since_method: PeriodMethod,
  /** Rank among the scope's municipalities in rank_year; 1 = best per desired direction (target: nearest). */
  rank: z.number().int().nullable(),
  /** How many municipalities have a value in rank_year. */
  rank_of: z.number().int().nullable(),
  /** The ONE year all municipalities' ranks of this indicator × sex × group refer to. */
  rank_year: z.number().int().nullable(),
  sweden_value: z.number().nullable(),
  diff_vs_sweden: z.number().nullable(),
  county_value: z.number().nullable(),
  /** 'county' = Kolada's county value (0006); 'municipal_median' = median of the county's municipalities. */
  county_comparator: z.enum(["county", "municipal_median", "none"]),
  /** How many municipalities the median is of (municipal_median only). */
  county_n: z.number().int().nullable(),
  /** '' or why there is no county comparison (e.g. survey participants only). */
  county_note: z.string(),
  diff_vs_county: z.number().nullable()
});
export type SummaryRow = z.infer<typeof SummaryRow>;

/** Columns of county-status.csv, in order: the county's status, never empty. */
export const COUNTY_STATUS_COLUMNS = [
  "indicator_id", "sex", "group", "basis", "window_from_year", "window_to_year",
  "n_municipalities", "n_improving", "n_worsening", "n_no_clear_change", "n_insufficient_data",
  "county_trend", "median_year", "median_value", "median_n"
] as const;

/**
 * One row per goal indicator × sex × group with any municipal value. basis `county_series`: the county's own series
 * has a trend (county_trend); `municipal_distribution`: the status is the distribution of the municipalities' trends.
 * The n_* counts are over the scope's municipalities either way; median_* is the median of the municipalities
 * with a value in median_year (the latest year with any municipal value).
 */
export const CountyStatusRow = z.object({
  indicator_id: z.string(),
  sex: Sex,
  group: Group,
  basis: z.enum(["county_series", "municipal_distribution"]),
  /** The span of the municipal trend windows counted (min from, max to). */
  window_from_year: z.number().int().nullable(),
  window_to_year: z.number().int().nullable(),
  n_municipalities: z.number().int(),
  n_improving: z.number().int(),
  n_worsening: z.number().int(),
  n_no_clear_change: z.number().int(),
  n_insufficient_data: z.number().int(),
  /** The county series' own trend; '' when there is none (municipal_distribution). */
  county_trend: z.union([TrendStatus, z.literal("")]),
  median_year: z.number().int().nullable(),
  median_value: z.number().nullable(),
  median_n: z.number().int().nullable()
});
export type CountyStatusRow = z.infer<typeof CountyStatusRow>;

export const SourceRef = z.object({
  /** "kolada:N02268", "scb:TAB6572", or "scb:<table key>" where SCB's id is not known (never a simulator stand-in). */
  id: z.string(),
  title: z.string(),
  /** Underlying agency, e.g. "SCB", "Skolverket". */
  agency: z.string().nullable(),
  publisher: z.string(),
  licence: z.string(),
  /**
   * The source's PUBLIC page: the KPI on kolada.se, the table in SCB's Statistikdatabasen, or a Statistikdatabasen
   * search for the table's title where its id is not known. Never the API host the pipeline fetched from.
   */
  url: z.string(),
  /** The source's own id (KPI, SCB table), null where it is not known. */
  code: z.string().nullable(),
  /** The source's own publication date (Kolada's publication_date, SCB's updated), YYYY-MM-DD; null when it gave none. */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** Our retrieval date (UTC), YYYY-MM-DD. */
  retrieved: z.string()
});
export type SourceRef = z.infer<typeof SourceRef>;

export const CatalogueIndicator = z.object({
  id: z.string(),
  goal_area: z.string(),
  /** 'goal' indicators get a trend status; 'context' describe the population and get none. */
  kind: z.enum(["goal", "context"]),
  subgoals: z.array(z.string()),
  title_sv: z.string(),
  title_en: z.string(),
  description_sv: z.string(),
  description_en: z.string(),
  unit: z.string(),
  /** Swedish unit label for display, e.g. "procent", "procentenheter", "antal per 1 000 invånare". */
  unit_label_sv: z.string(),
  direction: Direction,
  /** The value that is the goal when direction is `target` (balance ratios 1); else null. */
  target_value: z.number().nullable(),
  /** Why this direction (reviewed per indicator). */
  direction_reason: z.string(),
  /** Years each value covers: 1 yearly; 4 for 4-year rolling survey means (trends use non-overlapping points). */
  period_years: z.number().int().positive(),
  groups: z.array(Group),
  comparison_group: z.enum(["all", "born_in_sweden"]).nullable(),
  sexes: z.array(Sex),
  caveats: z.array(z.string()),
  series_breaks: z.array(z.object({year: z.number().int(), note: z.string()})),
  sources: z.array(SourceRef),
  latest_year: z.number().int().nullable(),
  first_year: z.number().int().nullable(),
  files: z.object({csv: z.string(), excel_csv: z.string(), parquet: z.string()}),
  /** What the values are compared with (the indicator file's `comparisons`); note_sv says why where it differs. */
  comparisons: z.object({
    population: z.enum(["all", "participants"]),
    county: z.enum(["county", "municipal_median"]),
    sweden: z.boolean(),
    note_sv: z.string().nullable()
  }),
  /** Survey indicators: the municipalities with a value each year, read from the data ([] for other indicators). */
  participants: z.array(z.object({year: z.number().int(), areas: z.array(z.string())}))
});
export type CatalogueIndicator = z.infer<typeof CatalogueIndicator>;

export const CatalogueGoal = z.object({
  id: z.string(),
  order: z.number().int(),
  title: z.string(),
  /** The county strategy names only the area; Tranås' programme states a focus goal and sub-goals. */
  county_text: z.string(),
  tranas_focus_goal: z.string().nullable(),
  subgoals: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      /** Whose words: "Tranås kommun" or "Jönköpings kommun". */
      document: z.string(),
      indicators: z.array(z.string()),
      not_measurable_reason: z.string().nullable()
    })
  )
});
export type CatalogueGoal = z.infer<typeof CatalogueGoal>;

export const CatalogueArea = z.object({
  code: z.string(),
  name: z.string(),
  short_name: z.string(),
  level: AreaLevel,
  parent_code: z.string().nullable(),
  area_type: z.number().int().nullable()
});
export type CatalogueArea = z.infer<typeof CatalogueArea>;

export const Catalogue = z.object({
  generated_at: z.string(),
  scope: z.enum(["county", "sweden"]),
  vision: z.string(),
  overall_goal: z.string(),
  goals: z.array(CatalogueGoal),
  indicators: z.array(CatalogueIndicator),
  areas: z.array(CatalogueArea),
  sources: z.array(SourceRef),
  licence_note: z.string(),
  citation: z.string()
});
export type Catalogue = z.infer<typeof Catalogue>;

export const COVERAGE_COLUMNS = [
  "goal_area", "subgoal_id", "subgoal_text", "indicator_id", "first_year", "latest_year", "n_years", "n_areas", "areas", "note"
] as const;
