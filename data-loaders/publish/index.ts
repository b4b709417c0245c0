/**
 * The publish stage for indicators: from the marts to the files of the published-file contract
 * (indicators/published.ts) in outDir: per indicator a tidy CSV, a CSV for Excel and a Parquet file;
 * summary.csv, coverage.csv, catalogue.json and bulk.zip (everything + README.txt).
 * All tidy rows are sorted once into a temp table; one partitioned DuckDB COPY per format writes every indicator's file.
 */
import {readFileSync} from "node:fs";
import {mkdir, readFile, stat, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import {COUNTY_CODE} from "../../indicators/compute.js";
import {sqlParams} from "../../indicators/sql/index.js";
import type {GoalArea, Indicator} from "../../indicators/define.js";
import {Catalogue, COUNTY_STATUS_COLUMNS, CountyStatusRow, COVERAGE_COLUMNS, SUMMARY_COLUMNS, SummaryRow} from "../../indicators/published.js";
import {insertRows, query} from "../lib/duckdb.js";
import {allOrErrors, CheckError, PipelineError} from "../lib/errors.js";
import {log} from "../lib/log.js";
import type {Scope} from "../lib/types.js";
import {validate} from "../lib/validate.js";
import {buildCatalogue, indicatorFiles, scopeAreas, type Participation} from "./catalogue.js";
import {coverageRows, unknownReferences} from "./coverage.js";
import {formatCsv, neutralise, type Cell} from "./csv.js";
import {ROW_ORDER} from "./order.js";
import {assertTableContract, enumFieldsWhere, textFields} from "./contract-sql.js";
import {copyEach, copyParquetInOrder, copySplit, inOrderedTurn} from "./partitioned.js";
import {derivedLabel, resolveSources, type InputSource} from "./provenance.js";
import {readmeText} from "./readme.js";
import {indicatorStats} from "./stats.js";
import {copyReused, reusableIndicators, tidyFingerprints, tidyManifest, type PreviousTidy, type PublishedTidyFile} from "./reuse.js";
import {BULK_ZIP, startBulkZip, writeBulkZip, type BulkZip} from "./zip.js";

export interface PublishOptions {
  /** Directory to write into (the orchestrator's temp dir); nothing is written elsewhere. */
  outDir: string;
  indicators: Indicator[];
  goals: GoalArea[];
  vision: string;
  overallGoal: string;
  scope: Scope;
  /** ISO timestamp of the run, e.g. "2026-11-25T06:00:00Z". */
  generatedAt: string;
  /** Write bulk.zip (default true); the pipeline writes it once, after the neighbourhood files. */
  bulkZip?: boolean;
  /**
   * Work started once summary.csv, county-status.csv, coverage.csv and catalogue.json are written, run beside the
   * tidy files (DuckDB's COPYs leave the JS thread idle: the pipeline makes the reports there). `tidyCsv` resolves
   * true once the tidy CSV files are all written (only the Parquet files are still to come; TIDY_CSV names the CSVs), false if
   * the tidy files failed before. Its failure fails the publish, reported together with the tidy files' own.
   */
  beside?: (tidyCsv: Promise<boolean>) => Promise<unknown>;
  /** The previous run's tidy files (live directory and manifest): unchanged indicators' files are copied from there. */
  previous?: PreviousTidy;
}

export interface PublishReport {
  outDir: string;
  indicators: number;
  tidy_rows: number;
  summary_rows: number;
  coverage_rows: number;
  /** Every file written, relative to outDir, with its size. */
  files: {path: string; bytes: number}[];
  /** The tidy files written or copied, with their fingerprints: the orchestrator records them for the next run. */
  tidy_manifest: PublishedTidyFile[];
  /** Indicators whose tidy files were copied unchanged from the previous run. */
  tidy_reused: string[];
  /** Milliseconds per stage: sources, tidy_files, summary, catalogue, zip. */
  stage_ms: Record<string, number>;
  ms: number;
}

const sql = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), "utf8");
const TIDY_SQL = sql("tidy.sql");
const TIDY_TEXT_SQL = sql("tidy-text.sql");
/** The SQL twin of csv.ts neutralise(), as a DuckDB macro. */
export const NEUTRALISE_SQL = sql("neutralise.sql");
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const SUMMARY_SQL = sql("summary.sql");

/** Publish the given indicators' marts as files in opts.outDir; returns what was written. */
export async function publishIndicators(conn: DuckDBConnection, opts: PublishOptions): Promise<PublishReport> {
  const started = Date.now();
  const stage_ms: Record<string, number> = {};
  let lap = performance.now();
  const done = (stage: string) => {
    const now = performance.now();
    stage_ms[stage] = Math.round(now - lap);
    lap = now;
  };
  const {outDir, indicators} = opts;
  const problems = [...unknownReferences(opts.goals, indicators), ...(await notComputed(conn, indicators))];
  if (problems.length) throw new CheckError(problems);

  const sources = await resolveSources(conn, indicators.flatMap((i) => i.inputs));
  await writePublishedIndicators(conn, indicators, sources);
  done("sources");
  await mkdir(join(outDir, "indicators"), {recursive: true});
  const written: string[] = [];
  const write = async (path: string, data: string | Uint8Array) => {
    await writeFile(join(outDir, path), data);
    written.push(path);
  };

  const summaryRows = await writeSummaryCsv(conn, join(outDir, "summary.csv"));
  written.push("summary.csv");
  await write("county-status.csv", formatCsv(COUNTY_STATUS_COLUMNS, await countyStatusRows(conn)));
  done("summary");

  // coverage.csv and catalogue.json.
  const stats = await indicatorStats(conn);
  const participants = await participantsOf(conn);
  const coverage = coverageRows(opts.goals, indicators, stats);
  await write("coverage.csv", formatCsv(COVERAGE_COLUMNS, coverage.map((r) => COVERAGE_COLUMNS.map((c) => r[c]))));
  const catalogue = buildCatalogue({
    generatedAt: opts.generatedAt,
    scope: opts.scope,
    vision: opts.vision,
    overallGoal: opts.overallGoal,
    goals: opts.goals,
    indicators,
    sources,
    stats,
    participants,
    areas: await scopeAreas(conn, opts.scope, COUNTY_CODE)
  });
  await write("catalogue.json", `${JSON.stringify(catalogue, null, 2)}\n`);
  done("catalogue");

  // The tidy files last: they take most of the time, and the files above are all that `beside` reads.
  let csvWritten!: () => void;
  const csvDone = new Promise<boolean>((resolve) => (csvWritten = () => resolve(true)));
  const tidyFiles = writeTidyFiles(conn, indicators, outDir, csvWritten, opts.previous);
  const tidyCsv = Promise.race([csvDone, tidyFiles.then(() => true, () => false)]);
  await allOrErrors([tidyFiles, opts.beside?.(tidyCsv) ?? Promise.resolve()]);
  const tidy = await tidyFiles;
  written.push(...tidy.files);
  done("tidy_files");

  if (opts.bulkZip !== false) {
    await writeBulkZip(outDir, readmeOf(catalogue));
    written.push(BULK_ZIP);
    done("zip");
  }

  const files = await Promise.all(written.map(async (path) => ({path, bytes: (await stat(join(outDir, path))).size})));
  const report: PublishReport = {
    outDir,
    indicators: indicators.length,
    tidy_rows: tidy.rows,
    summary_rows: summaryRows,
    coverage_rows: coverage.length,
    files,
    tidy_manifest: tidy.manifest,
    tidy_reused: tidy.reused,
    stage_ms,
    ms: Date.now() - started
  };
  log(
    `publish: ${report.indicators} indicators, ${report.tidy_rows} tidy rows, ${report.summary_rows} summary rows, ` +
      `${files.length} files (${Math.round(files.reduce((s, f) => s + f.bytes, 0) / 1024)} KiB; tidy files of ${tidy.reused.length} unchanged indicators copied) in ${report.ms} ms ` +
      `(${Object.entries(stage_ms).map(([k, v]) => `${k} ${v}`).join(", ")})`
  );
  return report;
}

/**
 * Per indicator a tidy CSV, a CSV for Excel and a Parquet file, rows in reading order (_ord). The CSVs: one ordered
 * COPY per dialect, split into one file per indicator (partitioned.ts copySplit). The Parquet files: one partitioned
 * COPY, which does not always keep the order (duckdb/duckdb#14349), so each file's order is read back and a file out
 * of order is written again on its own. Reading ~1M rows into JS to format them there takes several times longer
 * (sweden scope). DuckDB's CSV writer quotes as d3-dsv does.
 */
async function writeTidyFiles(
  conn: DuckDBConnection,
  indicators: Indicator[],
  outDir: string,
  csvWritten: () => void,
  previous: PreviousTidy | undefined
): Promise<{rows: number; files: string[]; manifest: PublishedTidyFile[]; reused: string[]}> {
  await conn.run(NEUTRALISE_SQL);
  // tidy.sql's statements one by one, each given the order lists it reads; with insertion order kept, so that
  // tmp_publish_tidy is stored in its ORDER BY order
  await inOrderedTurn(conn, async () => {
    for (const statement of TIDY_SQL.split(/;\s*\n(?=CREATE )/)) {
      const names = sqlParams(statement);
      await conn.run(statement, Object.fromEntries(Object.entries(ROW_ORDER).filter(([k]) => names.includes(k))));
    }
  });
  await conn.run(TIDY_TEXT_SQL);
  const counts = await query<{id: string; n: number}>(
    conn,
    `SELECT indicator_id AS id, count(*)::INTEGER AS n FROM tmp_publish_tidy GROUP BY indicator_id ORDER BY min(_ord)`
  );
  const files = indicators.map((ind) => indicatorFiles(ind.id));
  const pathsOf = (id: string) => {
    const f = indicatorFiles(id);
    return [f.csv, f.excel_csv, f.parquet];
  };
  // Unchanged indicators' files are copied from the previous run (reuse.ts); the others are written.
  const fingerprints = await tidyFingerprints(conn);
  const reused = await reusableIndicators(previous, fingerprints, pathsOf);
  if (previous && reused.length) await copyReused(previous, outDir, reused, pathsOf);
  const copied = new Set(reused);
  const write = indicators.map((ind) => ind.id).filter((id) => !copied.has(id));
  const writing = new Set(write);
  const subset = write.length < indicators.length;
  const targets = (pick: (f: ReturnType<typeof indicatorFiles>) => string) =>
    new Map(indicators.flatMap((ind, i) => (copied.has(ind.id) ? [] : [[ind.id, join(outDir, pick(files[i]!))] as const])));
  // Each format: its columns from its view, the indicators to write in one COPY (`all`) or one indicator (`one`, by $id).
  const format = (f: {columns: string; from: string; id: string; options: string; targets: Map<string, string>; prefix?: Uint8Array}) => ({
    ...f,
    // the views scan one table stored in reading order: the order is kept without ORDER BY (tidy-text.sql), and by a
    // WHERE with a scalar test (a semi join would not keep it)
    all: `SELECT ${f.columns} FROM ${f.from}${subset ? ` WHERE list_contains($write, ${f.id})` : ""}`,
    each: (ids: readonly string[]) => ids.map((id) => ({select: `SELECT ${f.columns} FROM ${f.from} WHERE ${f.id} = $id ORDER BY _ord`, params: {id}, options: f.options, target: f.targets.get(id)!, prefix: f.prefix}))
  });
  const csv = format({columns: "* EXCLUDE (_id, _ord)", from: "tmp_publish_tidy_text", id: "_id", options: "FORMAT csv, HEADER", targets: targets((f) => f.csv)});
  const excel = format({
    columns: "* EXCLUDE (_id, _ord) REPLACE (replace(CAST(value AS VARCHAR), '.', ',') AS value)",
    from: "tmp_publish_tidy_text",
    id: "_id",
    options: "FORMAT csv, HEADER, DELIMITER ';', NEW_LINE '\\r\\n'",
    targets: targets((f) => f.excel_csv),
    // DuckDB writes no byte order mark (its PREFIX option needs a SUFFIX): the Excel file gets it here.
    prefix: UTF8_BOM
  });
  // the parquet files keep indicator_id: partition by a copy of it
  const parquet = format({columns: "* EXCLUDE (_ord)", from: "tmp_publish_tidy_rows", id: "indicator_id", options: "FORMAT parquet, COMPRESSION zstd", targets: targets((f) => f.parquet)});
  const writeCounts = counts.filter((c) => writing.has(c.id));
  const ids = writeCounts.map((c) => c.id);
  const params = subset ? {write: listValue(write)} : undefined;
  const problems: string[] = [];
  if (write.length === 0) {
    // every file reused: nothing to write
  } else if (await textWithLineBreaks(conn)) await copyEach(conn, [...csv.each(ids), ...excel.each(ids)]);
  else
    problems.push(
      ...(await copySplit(conn, join(outDir, ".tidy-csv"), [csv, excel].map((f) => ({select: f.all, params, options: f.options, counts: writeCounts, targets: f.targets, prefix: f.prefix}))))
    );
  if (problems.length === 0) csvWritten();
  if (write.length)
    problems.push(
      ...(await copyParquetInOrder(
        conn,
        join(outDir, ".tidy-parts"),
        {select: `SELECT ${parquet.columns}, indicator_id AS _id FROM ${parquet.from}${subset ? " WHERE list_contains($write, indicator_id)" : ""}`, params, options: parquet.options, targets: parquet.targets},
        {key: TIDY_PARQUET_KEY, params: ROW_ORDER},
        (redo) => parquet.each(redo)
      ))
    );
  if (problems.length) throw new CheckError(problems.map((m) => `publish: ${m} (an indicator without rows writes no file)`));
  return {
    rows: counts.reduce((n, c) => n + c.n, 0),
    files: indicators.flatMap((ind) => pathsOf(ind.id)),
    manifest: await tidyManifest(outDir, fingerprints, pathsOf),
    reused
  };
}

/** Whether a text cell of the tidy files holds a line break (the CSVs cannot then be split by lines). */
async function textWithLineBreaks(conn: DuckDBConnection): Promise<boolean> {
  const [r] = await query<{n: number}>(
    conn,
    `SELECT ((SELECT count(*) FROM tmp_publish_tidy_areas WHERE contains(concat(area_code, area_name, area_level), chr(10)))
          + (SELECT count(*) FROM tmp_publish_tidy_ind WHERE contains(concat(indicator_id, unit, source, derived_source, retrieved), chr(10)))
          + (SELECT count(*) FROM (SELECT DISTINCT sex, "group", status FROM tmp_publish_tidy) WHERE contains(concat(sex, "group", status), chr(10))))::INTEGER AS n`
  );
  return (r?.n ?? 0) > 0;
}

/** A tidy Parquet file's reading order (area level, area, group, sex, year; one indicator per file), as one key. */
const TIDY_PARQUET_KEY = `(list_position(string_split($level_order, '|'), area_level), area_code,
  list_position(string_split($group_order, '|'), "group"), list_position(string_split($sex_order, '|'), sex), year)`;

/**
 * summary.csv, checked against the SummaryRow contract in SQL (contract-sql.ts) and written by DuckDB: text cells
 * neutralised like the tidy files', numbers as DuckDB writes them (100.0, 1e-06; the same numbers when read).
 * Returns the number of rows.
 */
async function writeSummaryCsv(conn: DuckDBConnection, file: string): Promise<number> {
  await conn.run(SUMMARY_SQL, ROW_ORDER);
  await conn.run(NEUTRALISE_SQL);
  await assertTableContract(conn, "tmp_publish_summary", SummaryRow, {
    file: "summary.csv",
    example: `format('indicator {} area {} sex {} group {}', indicator_id, area_code, sex, "group")`,
    extra: ["_ord"]
  });
  const text = SUMMARY_COLUMNS.map((c) => {
    const col = `"${c}"`;
    // '' and NULL read the same in CSV; DuckDB would quote an empty string
    if (NEUTRALISED_SUMMARY_COLUMNS.has(c)) return `nullif(neutralise(${col}), '') AS ${col}`;
    return TEXT_SUMMARY_COLUMNS.has(c) ? `nullif(${col}, '') AS ${col}` : col;
  });
  await conn.run(`COPY (SELECT ${text.join(", ")} FROM tmp_publish_summary ORDER BY _ord) TO $file (FORMAT csv, HEADER)`, {file});
  const [n] = await query<{n: number}>(conn, `SELECT count(*)::INTEGER AS n FROM tmp_publish_summary`);
  return n?.n ?? 0;
}

/** The text columns of summary.csv. */
const TEXT_SUMMARY_COLUMNS = new Set(textFields(SummaryRow));
/**
 * Those whose cells are neutralised: not the enum columns whose codes never start like a formula (the contract check
 * before the COPY admits only those codes).
 */
const SAFE_ENUM_SUMMARY_COLUMNS = new Set(enumFieldsWhere(SummaryRow, (o) => neutralise(o) === o));
export const NEUTRALISED_SUMMARY_COLUMNS = new Set([...TEXT_SUMMARY_COLUMNS].filter((c) => !SAFE_ENUM_SUMMARY_COLUMNS.has(c)));

/** county-status.csv rows (COUNTY_STATUS_COLUMNS order, catalogue order of indicators), validated against the contract. */
async function countyStatusRows(conn: DuckDBConnection): Promise<Cell[][]> {
  const reader = await conn.runAndReadAll(
    `SELECT c.* FROM mart_county_status AS c JOIN tmp_publish_indicators AS p USING (indicator_id)
     ORDER BY p.position, list_position(string_split($group_order, '|'), c."group"), list_position(string_split($sex_order, '|'), c.sex)`,
    {group_order: ROW_ORDER.group_order, sex_order: ROW_ORDER.sex_order}
  );
  expectColumns(reader.columnNames(), COUNTY_STATUS_COLUMNS, "mart_county_status");
  const rows = rowsOf(reader.getColumnsJS() as Cell[][]);
  validate(CountyStatusRow.array(), rows.map((r) => Object.fromEntries(COUNTY_STATUS_COLUMNS.map((c, i) => [c, r[i]]))), {
    source: "publish",
    file: "county-status.csv"
  });
  return rows;
}

/** The published indicators with their unit, source label and retrieval date, as a temp table the SQL joins. */
async function writePublishedIndicators(conn: DuckDBConnection, indicators: Indicator[], sources: Map<string, InputSource>): Promise<void> {
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE tmp_publish_indicators (indicator_id VARCHAR, position INTEGER, unit VARCHAR, source VARCHAR, derived_source VARCHAR, retrieved VARCHAR)`
  );
  const rows = indicators.map((ind, position) => {
    const refs = ind.inputs.map((input) => {
      const s = sources.get(input);
      if (!s) throw new PipelineError({source: "publish", dataset: input}, `no source for input of indicator ${ind.id}`);
      return s;
    });
    return {
      indicator_id: ind.id,
      position,
      unit: ind.unit,
      source: refs.map((s) => s.label).join("; "),
      derived_source: derivedLabel(refs.map((s) => s.ref), "gapet mellan grupperna"),
      // the newest retrieval among the inputs
      retrieved: refs.map((s) => s.ref.retrieved).sort().at(-1) ?? ""
    };
  });
  await insertRows(
    conn,
    "tmp_publish_indicators",
    [["indicator_id", "VARCHAR"], ["position", "INTEGER"], ["unit", "VARCHAR"], ["source", "VARCHAR"], ["derived_source", "VARCHAR"], ["retrieved", "VARCHAR"]],
    rows
  );
}

/**
 * Start rebuilding bulk.zip from everything now in outDir, README from its catalogue.json: for the orchestrator,
 * when other publishers (the areas files, the reports) write into outDir after publishIndicators. Files written
 * before finish() are added then (zip.ts startBulkZip).
 */
export async function startBulkZipRefresh(outDir: string, defer?: (name: string) => boolean): Promise<BulkZip> {
  const file = join(outDir, "catalogue.json");
  const catalogue = validate(Catalogue, JSON.parse(await readFile(file, "utf8")), {source: "publish", file});
  return startBulkZip(outDir, readmeOf(catalogue), defer);
}

/** The tidy CSV files (indicators/<id>.csv and .excel.csv): written before the Parquet files. */
export const TIDY_CSV = (name: string): boolean => name.startsWith("indicators/") && name.endsWith(".csv");

function readmeOf(catalogue: Catalogue): string {
  return readmeText({
    generatedAt: catalogue.generated_at,
    licenceNote: catalogue.licence_note,
    citation: catalogue.citation,
    licences: [...new Set(catalogue.sources.map((s) => `${s.publisher}: ${s.licence}`))].sort()
  });
}

/** Survey indicators' participants per year, as the compute stage read them from the data (mart_indicator_participants). */
async function participantsOf(conn: DuckDBConnection): Promise<Map<string, Participation[]>> {
  const rows = await query<{indicator_id: string; year: number; codes: string[]; names: string[]}>(
    conn,
    `SELECT indicator_id, year, list(area_code ORDER BY area_code) AS codes, list(area_name ORDER BY area_code) AS names
     FROM mart_indicator_participants GROUP BY indicator_id, year ORDER BY indicator_id, year`
  );
  const out = new Map<string, Participation[]>();
  for (const r of rows) out.set(r.indicator_id, [...(out.get(r.indicator_id) ?? []), {year: r.year, areas: r.codes, names: r.names}]);
  return out;
}

/** Indicators without rows in the marts: computeIndicators did not run for them. */
async function notComputed(conn: DuckDBConnection, indicators: Indicator[]): Promise<string[]> {
  const rows = await query<{id: string}>(
    conn,
    `SELECT unnest(string_split($ids, '|')) AS id
     EXCEPT SELECT indicator_id FROM mart_indicator_values
     ORDER BY id`,
    {ids: indicators.map((i) => i.id).join("|")}
  );
  return rows.map((r) => `indicator ${r.id}: no rows in mart_indicator_values (computeIndicators has not run for it)`);
}

/** Rows from columns (DuckDB converts columns to JS far faster than rows). */
function rowsOf(columns: Cell[][]): Cell[][] {
  const n = columns[0]?.length ?? 0;
  const rows: Cell[][] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = columns.map((c) => c[i] ?? null);
  return rows;
}

function expectColumns(got: string[], want: readonly string[], what: string): void {
  if (got.join(",") !== want.join(",")) throw new Error(`${what} columns (${got.join(", ")}) differ from the contract (${want.join(", ")})`);
}
