/**
 * The indicator engine: runs every indicator's SQL into mart_indicator_values, checks the result and
 * derives mart_indicator_summary (latest value, baseline, changes, trend, rank, comparisons) in SQL.
 * One transaction: a failed SQL or check leaves the marts as they were.
 */
import {readFileSync} from "node:fs";
import type {DuckDBConnection} from "@duckdb/node-api";
import {query, type Params} from "../data-loaders/lib/duckdb.js";
import {CheckError} from "../data-loaders/lib/errors.js";
import {log} from "../data-loaders/lib/log.js";
import type {Scope} from "../data-loaders/lib/types.js";
import {checkIndicators} from "./checks.js";
import type {Indicator} from "./define.js";

/** Kolada's id for Sweden (Riket). */
export const SWEDEN_CODE = "0000";
/** Kolada's id for Region Jönköpings län: the county of county scope. */
export const COUNTY_CODE = "0006";
/** The strategy's first year: the baseline of every change. */
export const STRATEGY_START_YEAR = 2015;

/** Parameters of the trend method (see TREND_METHOD_SV/EN). */
export const TREND = {
  /** The window: the latest year and this many years before it. */
  windowYears: 5,
  /** Fewer observed points in the window give 'insufficient_data'. */
  minPoints: 4,
  /** Relative yearly change (0.005 = 0.5 % a year) in the desired direction: Open SDG's 'moderate progress'. */
  relThreshold: 0.005,
  /** Gap rows: change of the absolute gap in percentage points a year. */
  gapThreshold: 0.25
} as const;

/** A number with a decimal comma, for the Swedish method text. */
const sv = (n: number) => String(n).replace(".", ",");

/** How the summary's trend, changes, ranks and comparisons are made, for the site (Swedish). */
export const TREND_METHOD_SV = [
  `Utgångsläge: värdet ${STRATEGY_START_YEAR}, strategins första år. Börjar serien senare (eller saknar värde ${STRATEGY_START_YEAR}) är utgångsläget det första året med värde efter ${STRATEGY_START_YEAR} (kolumnen baseline_is_strategy_start är då false).`,
  `Förändring sedan utgångsläget: senaste värdet minus utgångsvärdet. Lämnas tom om det finns ett brott i serien mellan utgångsåret och det senaste året, eller om utgångsåret är det senaste året.`,
  `Förändring på fem år: senaste värdet minus värdet fem år tidigare; saknas det året används det tidigaste året med värde inom de fem åren (kolumnen change_5y_from_year). Fönstret börjar aldrig före ett brott i serien.`,
  `Trend: en rät linje (minsta kvadratmetoden) anpassas till de år med värde som ligger i fönstret: det senaste året och de ${TREND.windowYears} åren före, dock inte före ett brott i serien. Minst ${TREND.minPoints} värden krävs, annars "otillräckliga data". Lutningen per år delas med seriens medelvärde i fönstret, vilket ger en årlig relativ förändring (i stort sett den årliga tillväxttakt som Open SDG använder, men skattad från alla värden i stället för två ändpunkter). Förbättras: minst ${sv(TREND.relThreshold * 100)} % per år i önskad riktning (Open SDG:s gräns för måttliga framsteg). Försämras: minst ${sv(TREND.relThreshold * 100)} % per år i fel riktning. Annars oförändrat.`,
  `Gap (utrikes födda minus jämförelsegruppen, procentenheter): målet är noll, oavsett tecken. Förbättras när gapets absoluta storlek minskar med minst ${sv(TREND.gapThreshold)} procentenheter per år, försämras när det ökar lika mycket, annars oförändrat.`,
  `Kontextindikatorer och indikatorer utan önskad riktning får ingen trendbedömning ("ej tillämpligt") och ingen rangordning.`,
  `Rang: plats bland områdets kommuner (länets 13 kommuner, eller Sveriges 290) det senaste året, där 1 är bäst i önskad riktning. Lika värden delar den lägsta platsen.`,
  `Jämförelse med riket och länet avser samma år som områdets senaste värde. Publicerar Kolada inget länsvärde används medianen av länets kommuner (county_comparator = municipal_median), aldrig ett oviktat medelvärde.`
].join("\n\n");

/** How the summary's trend, changes, ranks and comparisons are made, for the site (English). */
export const TREND_METHOD_EN = [
  `Baseline: the value in ${STRATEGY_START_YEAR}, the strategy's first year. When the series starts later (or has no value in ${STRATEGY_START_YEAR}) the baseline is its first year with a value after ${STRATEGY_START_YEAR} (baseline_is_strategy_start is then false).`,
  `Change since baseline: latest value minus baseline value. Left empty when a series break lies between the baseline year and the latest year, or when the baseline year is the latest year.`,
  `Five-year change: latest value minus the value five years earlier; when that year has no value, the earliest year with a value within the five years is used (change_5y_from_year). The window never starts before a series break.`,
  `Trend: a straight line (least squares) is fitted to the years with a value in the window: the latest year and the ${TREND.windowYears} years before it, but not before a series break. At least ${TREND.minPoints} values are needed, else "insufficient_data". The slope per year divided by the series' mean over the window gives a relative yearly change (close to the compound annual growth rate Open SDG uses, but estimated from all points rather than two end points). Improving: at least ${TREND.relThreshold * 100} % a year in the desired direction (Open SDG's threshold for moderate progress). Worsening: at least ${TREND.relThreshold * 100} % a year in the wrong direction. Otherwise stable.`,
  `Gaps (foreign-born minus the comparison group, percentage points): the aim is zero, whatever the sign. Improving when the gap's absolute size shrinks by at least ${TREND.gapThreshold} percentage points a year, worsening when it grows as much, otherwise stable.`,
  `Context indicators and indicators without a desired direction get no trend ("not_applicable") and no rank.`,
  `Rank: position among the scope's municipalities (the county's 13, or Sweden's 290) in the latest year, 1 = best in the desired direction. Ties share the lowest rank.`,
  `Comparisons with Sweden and the county use the same year as the area's latest value. Where Kolada publishes no county value, the median of the county's municipalities is used (county_comparator = municipal_median), never an unweighted mean.`
].join("\n\n");

export interface ComputeOptions {
  scope: Scope;
  /** Baseline year of every change; the strategy's first year unless a test says otherwise. */
  baselineYear?: number;
}

export interface IndicatorComputeReport {
  id: string;
  /** Rows in mart_indicator_values (incl. missing values). */
  rows: number;
  /** Rows with a value. */
  values: number;
  first_year: number | null;
  latest_year: number | null;
  n_years: number;
  n_areas: number;
}

export interface ComputeReport {
  scope: Scope;
  indicators: IndicatorComputeReport[];
  rows: number;
  /** Rows the indicators' SQL returned for areas outside the scope (left out of the mart). */
  outside_scope_rows: number;
  summary_rows: number;
  ms: number;
}

const sql = (name: string) => readFileSync(new URL(`./sql-derive/${name}`, import.meta.url), "utf8");
const MARTS_SQL = sql("marts.sql");
const INSERT_VALUES_SQL = sql("insert-values.sql");
const SUMMARY_SQL = sql("summary.sql");
const PARTICIPANTS_SQL = sql("participants.sql");

/** Compute the given indicators into mart_indicator_values and mart_indicator_summary; throws CheckError on failed checks. */
export async function computeIndicators(conn: DuckDBConnection, indicators: Indicator[], opts: ComputeOptions): Promise<ComputeReport> {
  const started = Date.now();
  const ids = indicators.map((i) => i.id);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length) throw new CheckError([`indicator ids are not unique: ${[...new Set(dupes)].join(", ")}`]);

  await conn.run(MARTS_SQL);
  await conn.run("BEGIN TRANSACTION");
  try {
    await writeMeta(conn, indicators);
    await writeComparisons(conn, indicators);
    await conn.run(`DELETE FROM mart_indicator_values WHERE indicator_id IN (SELECT indicator_id FROM tmp_indicator_meta)`);
    await conn.run(`DELETE FROM mart_indicator_summary WHERE indicator_id IN (SELECT indicator_id FROM tmp_indicator_meta)`);
    await conn.run(`DELETE FROM mart_indicator_participants WHERE indicator_id IN (SELECT indicator_id FROM tmp_indicator_meta)`);

    const sqlFailures: string[] = [];
    let outsideScope = 0;
    for (const ind of indicators) {
      const result = await runIndicatorSql(conn, ind, opts.scope);
      if (typeof result === "string") sqlFailures.push(result);
      else outsideScope += result.outsideScope;
    }
    if (sqlFailures.length) throw new CheckError(sqlFailures);

    const failures = await checkIndicators(conn, indicators);
    if (failures.length) throw new CheckError(failures);

    await conn.run(SUMMARY_SQL, {
      baseline_year: opts.baselineYear ?? STRATEGY_START_YEAR,
      window_years: TREND.windowYears,
      min_points: TREND.minPoints,
      rel_threshold: TREND.relThreshold,
      gap_threshold: TREND.gapThreshold,
      scope: opts.scope,
      county_code: COUNTY_CODE,
      sweden_code: SWEDEN_CODE
    });
    await conn.run(PARTICIPANTS_SQL);
    const report = await reportOf(conn, indicators, opts.scope, outsideScope, started);
    await conn.run("COMMIT");
    log(
      `indicators: ${report.indicators.length} computed (${opts.scope} scope), ${report.rows} rows ` +
        `(${report.outside_scope_rows} outside the scope left out), ` +
        `${report.summary_rows} summary rows in ${report.ms} ms`
    );
    return report;
  } catch (e) {
    await conn.run("ROLLBACK");
    throw e;
  }
}

/** The indicators' kind, direction and declared breaks, as temp tables the summary SQL joins. */
async function writeMeta(conn: DuckDBConnection, indicators: Indicator[]): Promise<void> {
  await conn.run(`CREATE OR REPLACE TEMP TABLE tmp_indicator_meta (indicator_id VARCHAR, kind VARCHAR, direction VARCHAR)`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE tmp_series_breaks (indicator_id VARCHAR, year INTEGER)`);
  for (const ind of indicators) {
    await conn.run(`INSERT INTO tmp_indicator_meta VALUES ($id, $kind, $direction)`, {id: ind.id, kind: ind.kind, direction: ind.direction});
    for (const b of ind.series_breaks) {
      await conn.run(`INSERT INTO tmp_series_breaks VALUES ($id, $year)`, {id: ind.id, year: b.year});
    }
  }
}

/** Each indicator's comparison rules (its `comparisons`), as a temp table the summary SQL joins. */
async function writeComparisons(conn: DuckDBConnection, indicators: Indicator[]): Promise<void> {
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE tmp_indicator_comparisons (indicator_id VARCHAR, population VARCHAR, county VARCHAR, sweden BOOLEAN, note_sv VARCHAR)`
  );
  for (const ind of indicators) {
    const c = ind.comparisons;
    await conn.run(`INSERT INTO tmp_indicator_comparisons VALUES ($id, $population, $county, $sweden, $note)`, {
      id: ind.id, population: c.population, county: c.county, sweden: c.sweden, note: c.note_sv ?? ""
    });
  }
}

const RESULT_COLUMNS = ["area_code", "year", "sex", "group", "value", "status"];

/** Run one indicator's SQL into the mart; returns a failure message instead of throwing, so all are reported. */
async function runIndicatorSql(conn: DuckDBConnection, ind: Indicator, scope: Scope): Promise<string | {outsideScope: number}> {
  const where = `indicator ${ind.goal_area}/${ind.id} (${ind.file})`;
  const body = ind.sql.trim().replace(/;\s*$/, "");
  try {
    const params: Params = ind.params;
    if (Object.keys(params).length) await conn.run(`CREATE OR REPLACE TEMP TABLE tmp_indicator_result AS\n${body}`, params);
    else await conn.run(`CREATE OR REPLACE TEMP TABLE tmp_indicator_result AS\n${body}`);
  } catch (e) {
    return `${where}: its SQL failed: ${(e as Error).message}`;
  }
  const names = (await conn.runAndReadAll(`SELECT * FROM tmp_indicator_result LIMIT 0`)).columnNames();
  if (names.join(",") !== RESULT_COLUMNS.join(",")) {
    return `${where}: its SQL must return (${RESULT_COLUMNS.join(", ")}), got (${names.join(", ")})`;
  }
  await conn.run(INSERT_VALUES_SQL, {indicator_id: ind.id, scope, county_code: COUNTY_CODE});
  const [n] = await query<{returned: number; kept: number}>(
    conn,
    `SELECT (SELECT count(*) FROM tmp_indicator_result)::INTEGER AS returned,
            (SELECT count(*) FROM mart_indicator_values WHERE indicator_id = $id)::INTEGER AS kept`,
    {id: ind.id}
  );
  return {outsideScope: n ? n.returned - n.kept : 0};
}

async function reportOf(
  conn: DuckDBConnection,
  indicators: Indicator[],
  scope: Scope,
  outsideScope: number,
  started: number
): Promise<ComputeReport> {
  const rows = await query<IndicatorComputeReport>(
    conn,
    `SELECT
       indicator_id AS id,
       count(*)::INTEGER AS rows,
       count(value)::INTEGER AS values,
       min(year) FILTER (WHERE value IS NOT NULL) AS first_year,
       max(year) FILTER (WHERE value IS NOT NULL) AS latest_year,
       count(DISTINCT year) FILTER (WHERE value IS NOT NULL)::INTEGER AS n_years,
       count(DISTINCT area_code) FILTER (WHERE value IS NOT NULL)::INTEGER AS n_areas
     FROM mart_indicator_values
     WHERE indicator_id IN (SELECT indicator_id FROM tmp_indicator_meta)
     GROUP BY indicator_id`
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const [summary] = await query<{n: number}>(
    conn,
    `SELECT count(*)::INTEGER AS n FROM mart_indicator_summary WHERE indicator_id IN (SELECT indicator_id FROM tmp_indicator_meta)`
  );
  const list = indicators.map(
    (i) => byId.get(i.id) ?? {id: i.id, rows: 0, values: 0, first_year: null, latest_year: null, n_years: 0, n_areas: 0}
  );
  return {
    scope,
    indicators: list,
    rows: list.reduce((s, r) => s + r.rows, 0),
    outside_scope_rows: outsideScope,
    summary_rows: summary?.n ?? 0,
    ms: Date.now() - started
  };
}
