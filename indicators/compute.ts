/**
 * The indicator engine: runs every indicator's SQL into mart_indicator_values, checks the result and
 * derives mart_indicator_summary (latest value, baseline, changes, trend, rank, comparisons) in SQL.
 * One transaction: a failed SQL or check leaves the marts as they were.
 */
import {readFileSync} from "node:fs";
import type {DuckDBConnection} from "@duckdb/node-api";
import {insertRows, query, type JsonColumnType} from "../data-loaders/lib/duckdb.js";
import {CheckError} from "../data-loaders/lib/errors.js";
import {log} from "../data-loaders/lib/log.js";
import type {Scope} from "../data-loaders/lib/types.js";
import {checkIndicators} from "./checks.js";
import type {Indicator} from "./define.js";
import {templateName} from "./sql/index.js";

/** Kolada's id for Sweden (Riket). */
export const SWEDEN_CODE = "0000";
/** Kolada's id for Region Jönköpings län: the county of county scope. */
export const COUNTY_CODE = "0006";
/** The strategy's first year: the baseline of every change. */
export const STRATEGY_START_YEAR = 2015;

/** The strategy period the period assessment covers (first and last year). */
export const STRATEGY_PERIOD = {from: 2015, to: 2020} as const;

/** Parameters of the trend method (see TREND_METHOD_SV/EN). */
export const TREND = {
  /** The window: the latest year and this many years before it (six yearly points at most). */
  windowYears: 5,
  /** Fewer independent points in the window give 'insufficient_data' (n − 2 = 2 degrees of freedom at least). */
  minPoints: 4,
  /** Relative yearly change (0.005 = 0.5 % of the window's mean level a year): Open SDG's 'moderate progress'. */
  relThreshold: 0.005,
  /** Target 0 (gaps): change of the distance from 0 in the indicator's unit (percentage points) a year. */
  gapThreshold: 0.25,
  /** Two-sided significance level of the t test of the slope. */
  alpha: 0.05
} as const;

/**
 * Two-sided 5 % critical values of Student's t, t(0.975; df), for df = 2..30 (index = df − 2), to six decimals.
 * Source: any table of the t distribution, e.g. NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.2
 * "Critical Values of the Student's t Distribution" (three decimals there); the six decimals are R's
 * qt(0.975, df). A test recomputes them by integrating the t density. df > 30 uses the df-30 value (conservative).
 */
export const T_975: readonly number[] = [
  4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985,
  2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614,
  2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272
];

/** t(0.975; df) from T_975; df < 2 has none. */
export function t975(df: number): number | null {
  if (df < 2) return null;
  return T_975[Math.min(df, 30) - 2] ?? null;
}

/** A number with a decimal comma, for the Swedish method text. */
const sv = (n: number) => String(n).replace(".", ",");

/** How the summary's trend, period assessment, changes, ranks and comparisons are made, for the site (Swedish). */
export const TREND_METHOD_SV = [
  `Utgångsläge: värdet ${STRATEGY_START_YEAR}, strategins första år. Börjar serien senare (eller saknar värde ${STRATEGY_START_YEAR}) är utgångsläget det första året med värde efter ${STRATEGY_START_YEAR} (kolumnen baseline_is_strategy_start är då false). För valindikatorer är utgångsläget valet ${STRATEGY_START_YEAR - 1}, vars resultat gällde ${STRATEGY_START_YEAR}.`,
  `Förändring sedan utgångsläget: senaste värdet minus utgångsvärdet. Lämnas tom om det finns ett brott i serien mellan utgångsåret och det senaste året, eller om utgångsåret är det senaste året.`,
  `Förändring på fem år: senaste värdet minus värdet fem år tidigare; saknas det året används det tidigaste året med värde inom de fem åren (kolumnen change_5y_from_year). Fönstret börjar aldrig före ett brott i serien.`,
  `Trend (kolumnerna trend, trend_from_year–trend_to_year, trend_points): en rät linje anpassas med minsta kvadratmetoden till de år med värde i fönstret, som är det senaste året och de ${TREND.windowYears} åren före (högst ${TREND.windowYears + 1} värden), dock inte före ett brott i serien. Vi redovisar lutningen per år, dess 95-procentiga konfidensintervall (t-fördelningen med n − 2 frihetsgrader) och t-värdet (lutningen delad med dess medelfel). Minst ${TREND.minPoints} oberoende värden krävs, annars "för kort serie".`,
  `Förbättras eller försämras kräver två saker samtidigt: att lutningen går att skilja från noll (tvåsidigt t-test på 5 %-nivån, det vill säga att konfidensintervallet inte innehåller 0) och att den är tillräckligt stor, minst ${sv(TREND.relThreshold * 100)} % av fönstrets medelvärde per år i önskad riktning (Open SDG:s gräns för måttliga framsteg). Uppfylls inte båda är bedömningen "ingen säker förändring": med fyra till sex årsvärden för en liten kommun är slumpens variation ofta lika stor som förändringen.`,
  `Varför denna metod: Open SDG och Eurostat bedömer framsteg med en tillväxttakt men utan osäkerhet, vilket med få värden och små kommuner ger många etiketter som bara är brus. Fingertips (Storbritanniens folkhälsoprofiler) kräver ett signifikanstest av trenden på oberoende, icke överlappande perioder utan brott i serien. Vi behåller Open SDG:s gräns för en betydelsefull förändring och lägger till Fingertips krav på att förändringen ska vara statistiskt säkerställd. Testet bygger på spridningen kring linjen (inga konfidensintervall för de enskilda värdena finns i Kolada) och är en tumregel, inte en fullständig analys.`,
  `Mål som ett värde (riktning "target"): balanstal har målet 1 och gapet mellan utrikes födda och jämförelsegruppen målet 0. För dem anpassas linjen till avståndet från målet, och förbättring är att avståndet minskar med minst ${sv(TREND.relThreshold * 100)} % av målvärdet per år (balanstal) eller minst ${sv(TREND.gapThreshold)} procentenheter per år (gap). Rang räknas också på avståndet: närmast målet är bäst.`,
  `Överlappande perioder: Folkhälsomyndighetens kommunvärden är medelvärden över fyra år (T-3 till T) och BRÅ:s trygghetsundersökning slår ihop två år. Sådana värden är inte oberoende år för år, så bara värden med minst en hel period emellan räknas (var fjärde respektive vartannat år bakåt från det senaste). I ett fönster på sex år ger fyraårsmedelvärden högst två oberoende värden, alltså "för kort serie" i stället för en trend som bara är överlapp.`,
  `Strategiperioden ${STRATEGY_PERIOD.from}–${STRATEGY_PERIOD.to} bedöms för sig (kolumnerna period_*): värdet ${STRATEGY_PERIOD.from} och ${STRATEGY_PERIOD.to}, eller de närmaste åren med värde inom perioden (åren anges alltid), förändringen och en bedömning med samma metod som trenden på periodens år. Finns ett brott i serien inom perioden används den del av perioden som har flest värden, vid lika den tidigare (till exempel RAMS 2015–2018; för ett brott 2016 åren 2016–2020). Utvecklingen efter perioden (since_*) bedöms på samma sätt från ${STRATEGY_PERIOD.to} till det senaste året, på delen efter det senaste brottet. Med färre än ${TREND.minPoints} värden redovisas bara förändringen mellan två värden (metod two_points), utan bedömning.`,
  `Val: valindikatorerna jämför valen kring perioden, ${STRATEGY_PERIOD.from - 1} (vars resultat gällde när strategin började) och ${STRATEGY_PERIOD.to - 2}, och efter perioden ${STRATEGY_PERIOD.to - 2} och 2022. Två val ger en förändring, inte en trend, så valindikatorer får aldrig förbättras eller försämras.`,
  `Länet: publicerar Kolada ett länsvärde bedöms länets egen serie. Annars är länets status fördelningen över kommunerna, till exempel "8 av 13 kommuner förbättras, 1 försämras, 4 utan säker förändring", och jämförelsevärdet är medianen av de kommuner som har värde det året, med antalet angivet ("median av 11 kommuner").`,
  `Kontextindikatorer och indikatorer utan önskad riktning får ingen bedömning ("ej bedömd") och ingen rangordning.`,
  `Rang: plats bland områdets kommuner (länets 13, eller Sveriges 290) ett gemensamt år för alla kommuner (rank_year): det senaste året då minst hälften så många kommuner har värde som det år flest har det. En kommun utan värde det året får ingen rang; rank_of är antalet kommuner med värde. 1 är bäst i önskad riktning; lika värden delar den lägsta platsen.`,
  `Jämförelse med riket och länet avser samma år som områdets senaste värde. Publicerar Kolada inget länsvärde används medianen av länets kommuner med värde det året (county_comparator = municipal_median, antalet i county_n), aldrig ett oviktat medelvärde.`
].join("\n\n");

/** How the summary's trend, period assessment, changes, ranks and comparisons are made, for the site (English). */
export const TREND_METHOD_EN = [
  `Baseline: the value in ${STRATEGY_START_YEAR}, the strategy's first year. When the series starts later (or has no value in ${STRATEGY_START_YEAR}) the baseline is its first year with a value after ${STRATEGY_START_YEAR} (baseline_is_strategy_start is then false). Election indicators: the ${STRATEGY_START_YEAR - 1} election, whose result was in force in ${STRATEGY_START_YEAR}.`,
  `Change since baseline: latest value minus baseline value. Left empty when a series break lies between the baseline year and the latest year, or when the baseline year is the latest year.`,
  `Five-year change: latest value minus the value five years earlier; when that year has no value, the earliest year with a value within the five years is used (change_5y_from_year). The window never starts before a series break.`,
  `Trend (columns trend, trend_from_year–trend_to_year, trend_points): a least-squares line through the years with a value in the window, the latest year and the ${TREND.windowYears} years before it (at most ${TREND.windowYears + 1} values), never before a series break. We publish the slope per year, its 95 % confidence interval (t distribution, n − 2 degrees of freedom) and t (slope over its standard error). At least ${TREND.minPoints} independent values are needed, else "insufficient_data".`,
  `Improving or worsening needs both: the slope is distinguishable from zero (two-sided t test at 5 %, i.e. the confidence interval excludes 0) and large enough, at least ${TREND.relThreshold * 100} % of the window's mean a year in the desired direction (Open SDG's threshold for moderate progress). Otherwise "no_clear_change": with four to six yearly values for a small municipality, chance variation is often as large as the change.`,
  `Why: Open SDG and Eurostat assess progress by a growth rate without uncertainty, which with few values and small municipalities labels noise. Fingertips (UK public health profiles) requires a significance test for trend on independent, non-overlapping periods without a series break. We keep Open SDG's threshold for a meaningful change and add Fingertips' requirement that the change be statistically distinguishable. The test uses the scatter around the line (Kolada gives no confidence intervals of single values) and is a rule of thumb, not a full analysis.`,
  `Targets (direction "target"): balance ratios aim at 1 and the gap between foreign-born and the comparison group at 0. Their line is fitted to the distance from the target; improving means the distance shrinks by at least ${TREND.relThreshold * 100} % of the target a year (balance ratios) or ${TREND.gapThreshold} percentage points a year (gaps). Ranks are by the distance too: nearest is best.`,
  `Overlapping periods: Folkhälsomyndigheten's municipal values are four-year means (T-3 to T) and BRÅ's safety survey pools two years. Such values are not independent year by year, so only values a whole period apart count (every fourth or second year back from the latest). In a six-year window four-year means give at most two independent values: "insufficient_data" instead of a trend made of overlap.`,
  `The strategy period ${STRATEGY_PERIOD.from}–${STRATEGY_PERIOD.to} is assessed on its own (columns period_*): the value in ${STRATEGY_PERIOD.from} and ${STRATEGY_PERIOD.to}, or the nearest years with a value inside the period (the years are always given), the change and a status by the same method on the period's years. A break inside the period: the part of the period with the most values is used, the earlier one on a tie (e.g. RAMS 2015–2018; for a break in 2016 the years 2016–2020). Development after the period (since_*) is assessed the same way from ${STRATEGY_PERIOD.to} to the latest year, on the part after the last break. With fewer than ${TREND.minPoints} values only the change between two values is given (method two_points), without a status.`,
  `Elections: the election indicators compare the elections around the period, ${STRATEGY_PERIOD.from - 1} (in force when the strategy began) and ${STRATEGY_PERIOD.to - 2}, and after it ${STRATEGY_PERIOD.to - 2} and 2022. Two elections give a change, not a trend: election indicators are never improving or worsening.`,
  `The county: where Kolada publishes a county value, the county's own series is assessed. Otherwise the county's status is the distribution over its municipalities ("8 of 13 municipalities improving, 1 worsening, 4 no clear change"), and the comparator is the median of the municipalities with a value that year, with N ("median of 11 municipalities").`,
  `Context indicators and indicators without a desired direction get no assessment ("not_applicable") and no rank.`,
  `Rank: position among the scope's municipalities (the county's 13, or Sweden's 290) in one common year (rank_year): the latest year in which at least half as many municipalities have a value as in the year with the most. A municipality without a value that year gets no rank; rank_of is the number with a value. 1 = best in the desired direction; ties share the lowest rank.`,
  `Comparisons with Sweden and the county use the same year as the area's latest value. Where Kolada publishes no county value, the median of the county's municipalities with a value that year is used (county_comparator = municipal_median, N in county_n), never an unweighted mean.`
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
const DELETE_OUTSIDE_SQL = sql("delete-outside-scope.sql");
const SUMMARY_SQL = sql("summary.sql");
const COUNTY_STATUS_SQL = sql("county-status.sql");
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
    await conn.run(`DELETE FROM mart_county_status WHERE indicator_id IN (SELECT indicator_id FROM tmp_indicator_meta)`);
    await conn.run(`DELETE FROM mart_indicator_participants WHERE indicator_id IN (SELECT indicator_id FROM tmp_indicator_meta)`);

    const outsideScope = await runIndicatorSql(conn, indicators, opts.scope);

    const failures = await checkIndicators(conn, indicators);
    if (failures.length) throw new CheckError(failures);

    await conn.run(SUMMARY_SQL, {
      baseline_year: opts.baselineYear ?? STRATEGY_START_YEAR,
      window_years: TREND.windowYears,
      min_points: TREND.minPoints,
      rel_threshold: TREND.relThreshold,
      gap_threshold: TREND.gapThreshold,
      period_from: STRATEGY_PERIOD.from,
      period_to: STRATEGY_PERIOD.to,
      scope: opts.scope,
      county_code: COUNTY_CODE,
      sweden_code: SWEDEN_CODE
    });
    await conn.run(COUNTY_STATUS_SQL, {county_code: COUNTY_CODE});
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

/** The indicators' kind, direction, target, period length and declared breaks, and the t table, as temp tables the summary SQL joins. */
async function writeMeta(conn: DuckDBConnection, indicators: Indicator[]): Promise<void> {
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE tmp_indicator_meta (
       indicator_id VARCHAR, kind VARCHAR, direction VARCHAR, target_value DOUBLE, period_years INTEGER, is_election BOOLEAN)`
  );
  await conn.run(`CREATE OR REPLACE TEMP TABLE tmp_series_breaks (indicator_id VARCHAR, year INTEGER)`);
  await insertRows(
    conn,
    "tmp_indicator_meta",
    [["indicator_id", "VARCHAR"], ["kind", "VARCHAR"], ["direction", "VARCHAR"], ["target_value", "DOUBLE"], ["period_years", "INTEGER"], ["is_election", "BOOLEAN"]],
    indicators.map((ind) => ({
      indicator_id: ind.id,
      kind: ind.kind,
      direction: ind.direction,
      target_value: ind.target_value,
      period_years: ind.period_years,
      // the election templates keep election years only: their values are elections, not years
      is_election: templateName(ind.sql)?.startsWith("kolada_election") ?? false
    }))
  );
  await insertRows(
    conn,
    "tmp_series_breaks",
    [["indicator_id", "VARCHAR"], ["year", "INTEGER"]],
    indicators.flatMap((ind) => ind.series_breaks.map((b) => ({indicator_id: ind.id, year: b.year})))
  );
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE tmp_t_quantiles AS
     SELECT (i + 1)::INTEGER AS df, t::DOUBLE AS t975 FROM (SELECT unnest(string_split($t, '|')) AS t, generate_subscripts(string_split($t, '|'), 1) AS i)`,
    {t: T_975.join("|")}
  );
}

/** Each indicator's comparison rules (its `comparisons`), as a temp table the summary SQL joins. */
async function writeComparisons(conn: DuckDBConnection, indicators: Indicator[]): Promise<void> {
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE tmp_indicator_comparisons (indicator_id VARCHAR, population VARCHAR, county VARCHAR, sweden BOOLEAN, note_sv VARCHAR)`
  );
  await insertRows(
    conn,
    "tmp_indicator_comparisons",
    [["indicator_id", "VARCHAR"], ["population", "VARCHAR"], ["county", "VARCHAR"], ["sweden", "BOOLEAN"], ["note_sv", "VARCHAR"]],
    indicators.map(({id, comparisons: c}) => ({indicator_id: id, population: c.population, county: c.county, sweden: c.sweden, note_sv: c.note_sv ?? ""}))
  );
}

const RESULT_COLUMNS = ["area_code", "year", "sex", "group", "value", "status"];

/**
 * Run every indicator's SQL into the mart in one statement. Indicators that share a SQL text (a template) run
 * as one LATERAL join over a temp table of their params, each $param read as p."param": 50 of the 56 use one
 * template, and planning 56 copies of it in a UNION took ~0,25 s (county) of the stage; one statement per
 * indicator cost ~15 ms each. If that statement fails or its columns are not the result contract, each
 * indicator runs alone so the failures name their indicators, all at once. Returns the rows left out as
 * outside the scope.
 */
async function runIndicatorSql(conn: DuckDBConnection, indicators: Indicator[], scope: Scope): Promise<number> {
  let combined: string | undefined;
  try {
    const parts = await writeParamTables(conn, indicators);
    // A view: the INSERT below runs it once (a temp table of the results was written and read again, ~0,2 s in sweden scope)
    await conn.run(`CREATE OR REPLACE TEMP VIEW tmp_indicator_results AS\n${parts.join("\nUNION ALL BY NAME\n")}`);
    const names = (await conn.runAndReadAll(`SELECT * FROM tmp_indicator_results LIMIT 0`)).columnNames();
    if (names.join(",") !== ["indicator_id", ...RESULT_COLUMNS].join(",")) combined = `the combined result has columns (${names.join(", ")})`;
  } catch (e) {
    combined = (e as Error).message;
  }
  if (combined !== undefined) {
    const failures: string[] = [];
    for (const ind of indicators) {
      const failure = await checkIndicatorSql(conn, ind);
      if (failure) failures.push(failure);
    }
    throw new CheckError(failures.length ? failures : [`indicators: their combined SQL failed though each runs alone: ${combined}`]);
  }
  await conn.run(INSERT_VALUES_SQL);
  return (await conn.run(DELETE_OUTSIDE_SQL, {scope, county_code: COUNTY_CODE})).rowsChanged;
}

/**
 * Per distinct SQL text (with the same param names and kinds) a temp table of its indicators' params, one row per indicator;
 * returns one SELECT per table: the SQL as a LATERAL subquery over the table's rows. A param column is INTEGER
 * when every value is a whole number, DOUBLE for other numbers, VARCHAR for text.
 */
async function writeParamTables(conn: DuckDBConnection, indicators: Indicator[]): Promise<string[]> {
  const groups = new Map<string, Indicator[]>();
  for (const ind of indicators) {
    // same SQL, same param names and kinds (text or number): one table
    const key = `${Object.entries(ind.params).sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, v]) => `${n}:${typeof v}`).join(",")}\n${bodyOf(ind)}`;
    groups.set(key, [...(groups.get(key) ?? []), ind]);
  }
  const parts: string[] = [];
  for (const [k, members] of [...groups.values()].entries()) {
    const names = Object.keys(members[0]!.params).sort();
    const columns: [string, JsonColumnType][] = [["indicator_id", "VARCHAR"], ...names.map((name): [string, JsonColumnType] => [name, paramType(members, name)])];
    const table = `tmp_indicator_params_${k}`;
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${table} (${columns.map(([name, type]) => `"${name}" ${type}`).join(", ")})`);
    await insertRows(conn, table, columns, members.map((ind) => ({indicator_id: ind.id, ...ind.params})));
    const body = bodyOf(members[0]!).replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => `p."${name}"`);
    parts.push(`SELECT p.indicator_id, t.* FROM ${table} AS p, LATERAL (\n${body}\n) AS t`);
  }
  return parts;
}

function paramType(members: Indicator[], name: string): JsonColumnType {
  const values = members.map((ind) => ind.params[name]);
  if (values.every((v) => typeof v === "string")) return "VARCHAR";
  return values.every((v) => Number.isInteger(v)) ? "INTEGER" : "DOUBLE";
}

function bodyOf(ind: Indicator): string {
  return ind.sql.trim().replace(/;\s*$/, "");
}

/** One indicator's SQL alone (the failure path): a message naming it, or null when it runs and returns the contract's columns. */
async function checkIndicatorSql(conn: DuckDBConnection, ind: Indicator): Promise<string | null> {
  const where = `indicator ${ind.goal_area}/${ind.id} (${ind.file})`;
  const sql = `SELECT * FROM (\n${bodyOf(ind)}\n) LIMIT 0`;
  let names: string[];
  try {
    names = (Object.keys(ind.params).length ? await conn.runAndReadAll(sql, ind.params) : await conn.runAndReadAll(sql)).columnNames();
  } catch (e) {
    return `${where}: its SQL failed: ${(e as Error).message}`;
  }
  return names.join(",") === RESULT_COLUMNS.join(",") ? null : `${where}: its SQL must return (${RESULT_COLUMNS.join(", ")}), got (${names.join(", ")})`;
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
