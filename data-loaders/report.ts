/**
 * The run report: what came out (rows, years, areas per dataset and mart) and what changed
 * since the last successful run (compared against the previous warehouse, attached read-only).
 */
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import {hasTable, query} from "./lib/duckdb.js";

export interface TableSummary {
  table: string;
  rows: number;
  first_year: number | null;
  last_year: number | null;
  areas: number | null;
}

export interface TableChange {
  table: string;
  previous_rows: number | null;
  added: number;
  removed: number;
  changed: number;
}

export interface RunReport {
  run_id: string;
  command: string;
  scope: string;
  started_at: string;
  finished_at: string;
  ok: boolean;
  error?: string;
  requests: {network: number; attempts: number; reused_raw_files: number; bytes: number};
  datasets: {id: string; files: number; rows: number; reused: number}[];
  tables: TableSummary[];
  changes: TableChange[] | null;
  /** Per indicator and area: new years and revised values since the previous run (null: no previous warehouse). */
  indicator_changes?: IndicatorChange[] | null;
  timings_ms: Record<string, number>;
  /** When each stage started, ms after the run started: with timings_ms, which stages overlapped (the critical path). */
  started_ms: Record<string, number>;
  /**
   * CPU time of the process (all threads: DuckDB's and Node's) during each stage, ms. Beside the wall time on a
   * shared 2-core VM whose speed varies: how much work a stage is, and whether it used both cores.
   */
  cpu_ms: Record<string, number>;
  /** Peak RSS of the process when each stage ended (MB): where memory goes. */
  peak_rss_after_mb: Record<string, number>;
  published_files?: number;
  /** Stage groups whose tables were copied from the last run's warehouse: nothing they read changed (lib/stage-reuse.ts). */
  reused_stages?: string[];
  /** Indicators whose tidy files were copied unchanged from the last run (publish/reuse.ts). */
  published_tidy_reused?: number;
  peak_rss_mb: number;
  /** Series that lost areas or years since the last run, and whether --accept-coverage-drop let them through. */
  coverage_drops?: {drops: string[]; accepted: boolean};
  /** What this run cleaned up after crashed runs before it started. */
  recovered?: {stale_lock: {pid: number; started_at: string} | null; undid_swap: boolean; raw_commits_finished: number; temp_files_removed: number};
}

/** Row, year and area counts of every stg_/mart_ table in the warehouse. */
export async function summarizeTables(conn: DuckDBConnection): Promise<TableSummary[]> {
  const tables = await query<{name: string; cols: string}>(
    conn,
    `select table_name as name, string_agg(column_name, ',') as cols
       from information_schema.columns
      where table_catalog = current_database() and table_schema = 'main'
        and (table_name like 'stg_%' or table_name like 'mart_%' or table_name like 'raw_%')
      group by table_name order by table_name`
  );
  const out: TableSummary[] = [];
  for (const t of tables) {
    const cols = t.cols.split(",");
    const yearCol = cols.includes("year") ? "year" : null;
    const areaCol = cols.includes("area_code") ? "area_code" : cols.includes("region_code") ? "region_code" : null;
    // Identifiers come from information_schema, never from input data.
    const [r] = await query<{rows: number; fy: number | null; ly: number | null; areas: number | null}>(
      conn,
      `select count(*)::INTEGER as rows,
              ${yearCol ? `min(${yearCol})::INTEGER` : "NULL"} as fy,
              ${yearCol ? `max(${yearCol})::INTEGER` : "NULL"} as ly,
              ${areaCol ? `count(distinct ${areaCol})::INTEGER` : "NULL"} as areas
         from "${t.name}"`
    );
    out.push({table: t.name, rows: r!.rows, first_year: r!.fy, last_year: r!.ly, areas: r!.areas});
  }
  return out;
}

/** Key columns per table for the change report: rows are matched on these, values compared on the rest. */
const CHANGE_KEYS: Record<string, {keys: string[]; value: string; partition: string}> = {
  stg_kolada__values: {keys: ["kpi", "area_code", "year", "gender"], value: "value", partition: "kpi"},
  raw_scb__cells: {keys: ["table_key", "region_code", "variable", "value_code", "contents_code", "year"], value: "value", partition: "table_key"},
  mart_indicator_values: {keys: ["indicator_id", "area_code", "year", "sex", '"group"'], value: "value", partition: "indicator_id"}
};

/** Rows (now and before) per batch of the change report: ~5 KPIs of all Sweden, every KPI of the county at once. */
const CHANGE_BATCH_ROWS = 150_000;

/** Consecutive items grouped so that each group's n adds up to at most `limit` (an item larger than it stands alone). */
export function batchBy<T extends {n: number}>(items: readonly T[], limit: number): T[][] {
  const out: T[][] = [];
  let sum = Infinity;
  for (const item of items) {
    if (sum + item.n > limit) {
      out.push([]);
      sum = 0;
    }
    out.at(-1)!.push(item);
    sum += item.n;
  }
  return out;
}

/** Added / removed / changed rows against the previous warehouse attached as `prev`. */
export async function compareWithPrevious(conn: DuckDBConnection): Promise<TableChange[]> {
  const prevTables = new Set(
    (await query<{name: string}>(conn, `select table_name as name from information_schema.tables where table_catalog = 'prev'`)).map((r) => r.name)
  );
  const nowTables = new Set(
    (await query<{name: string}>(conn, `select table_name as name from information_schema.tables where table_catalog = current_database()`)).map((r) => r.name)
  );
  const out: TableChange[] = [];
  for (const [table, {keys, value, partition}] of Object.entries(CHANGE_KEYS)) {
    if (!nowTables.has(table)) continue;
    if (!prevTables.has(table)) {
      const [r] = await query<{n: number}>(conn, `select count(*)::INTEGER as n from "${table}"`);
      out.push({table, previous_rows: null, added: r!.n, removed: 0, changed: 0});
      continue;
    }
    // Partitions (KPI, table, indicator) in batches of at most CHANGE_BATCH_ROWS rows: a full outer join of 1.2 M rows
    // at once pushed the pipeline past its memory budget in sweden scope, and one query per partition cost ~1,5 s a run.
    const parts = await query<{p: string; n: number}>(
      conn,
      `select p, count(*)::INTEGER as n from (select ${partition} as p from main."${table}" union all select ${partition} from prev.main."${table}")
       group by p order by p`
    );
    const on = keys.map((k) => `a.${k} is not distinct from b.${k}`).join(" and ");
    const change: TableChange = {table, previous_rows: 0, added: 0, removed: 0, changed: 0};
    for (const batch of batchBy(parts, CHANGE_BATCH_ROWS)) {
      const [r] = await query<{prev_rows: number; added: number; removed: number; changed: number}>(
        conn,
        `with ps as (select unnest($ps::VARCHAR[]) as p),
              a as (select * from main."${table}" where ${partition} in (select p from ps)),
              b as (select * from prev.main."${table}" where ${partition} in (select p from ps)),
         j as (select a.${value} as new_value, b.${value} as old_value,
                      a.${keys[0]} is null as only_old, b.${keys[0]} is null as only_new
                 from a full outer join b on ${on})
         select (select count(*) from b)::INTEGER as prev_rows,
                count(*) filter (where only_new)::INTEGER as added,
                count(*) filter (where only_old)::INTEGER as removed,
                count(*) filter (where not only_new and not only_old and new_value is distinct from old_value)::INTEGER as changed
           from j`,
        {ps: listValue(batch.map((x) => x.p))}
      );
      change.previous_rows! += r!.prev_rows;
      change.added += r!.added;
      change.removed += r!.removed;
      change.changed += r!.changed;
    }
    out.push(change);
  }
  return out;
}

const nf = new Intl.NumberFormat("sv-SE");

/** Human-readable report for stderr. */
export function formatReport(r: RunReport): string {
  const lines = [
    `Run ${r.run_id} (${r.command}, scope ${r.scope}): ${r.ok ? "OK" : "FAILED"} in ${nf.format(Math.round((Date.parse(r.finished_at) - Date.parse(r.started_at)) / 100) / 10)} s`,
    `  requests: ${r.requests.network} over the network (${r.requests.attempts} attempts), ${r.requests.reused_raw_files} raw files reused, ${nf.format(r.requests.bytes)} bytes`
  ];
  if (r.datasets.length) {
    lines.push("  datasets:");
    for (const d of r.datasets) lines.push(`    ${d.id.padEnd(40)} ${nf.format(d.rows).padStart(10)} rows  ${d.files} file(s)${d.reused ? `, ${d.reused} reused` : ""}`);
  }
  if (r.tables.length) {
    lines.push("  warehouse tables:");
    for (const t of r.tables) {
      const years = t.first_year !== null ? `  years ${t.first_year}–${t.last_year}` : "";
      const areas = t.areas !== null ? `  ${t.areas} areas` : "";
      lines.push(`    ${t.table.padEnd(40)} ${nf.format(t.rows).padStart(10)} rows${years}${areas}`);
    }
  }
  if (r.changes) {
    lines.push("  changes since the last run:");
    for (const c of r.changes) {
      lines.push(
        c.previous_rows === null
          ? `    ${c.table.padEnd(40)} new table (${nf.format(c.added)} rows)`
          : `    ${c.table.padEnd(40)} +${nf.format(c.added)} −${nf.format(c.removed)} ~${nf.format(c.changed)} (before: ${nf.format(c.previous_rows)} rows)`
      );
    }
  } else if (r.ok && r.tables.length) lines.push("  changes since the last run: no previous warehouse");
  if (r.indicator_changes) {
    lines.push(`  indicators with new years or revised values since the last run: ${new Set(r.indicator_changes.map((c) => c.indicator_id)).size}`);
    lines.push(...formatIndicatorChanges(r.indicator_changes));
  }
  if (r.published_files !== undefined)
    lines.push(`  published files: ${r.published_files} (tidy files of ${r.published_tidy_reused ?? 0} unchanged indicators copied from the last run)`);
  if (r.reused_stages?.length) lines.push(`  stages whose inputs and code were unchanged, their tables copied from the last run: ${r.reused_stages.join(", ")}`);
  lines.push(`  timings: ${Object.entries(r.timings_ms).map(([k, v]) => `${k} ${nf.format(v)} ms`).join(", ")}; peak RSS ${r.peak_rss_mb} MB`);
  if (r.error) lines.push(`  error: ${r.error.split("\n")[0]}`);
  return lines.join("\n");
}

/** Per-indicator tables of the "Nytt sedan förra uppdateringen" list: key columns besides indicator, area and year. */
const NEWS_TABLES: {table: string; kind: "municipal" | "area"; keys: string[]}[] = [
  {table: "mart_indicator_values", kind: "municipal", keys: ["sex", '"group"']},
  {table: "mart_area_values", kind: "area", keys: []}
];

/** One indicator × area's news since the previous run: years with values for the first time, and revised years. */
export interface IndicatorChange {
  indicator_id: string;
  kind: "municipal" | "area";
  area_code: string;
  new_years: number[];
  revised_years: number[];
  /** Values (per sex × group × year) present before and now different. */
  n_revised: number;
}

/**
 * Per indicator and area, against the previous warehouse attached as `prev`: the years that have values now and had
 * none before (new years), and the years whose values changed (revisions). Values differing by less than 1e-9 are
 * the same (floating point). One query per table (a join on indicator, area and year is small beside the change report's full outer join).
 */
export async function indicatorChanges(conn: DuckDBConnection): Promise<IndicatorChange[]> {
  const out: IndicatorChange[] = [];
  for (const {table, kind, keys} of NEWS_TABLES) {
    if (!(await hasTable(conn, table)) || !(await hasTable(conn, table, "prev"))) continue;
    const on = ["indicator_id", "area_code", "year", ...keys].map((k) => `a.${k} = b.${k}`).join(" and ");
    // One query per table for all indicators (one per indicator cost ~450 ms a run). Identifiers are ours (NEWS_TABLES).
    const rows = await query<{indicator_id: string; area_code: string; year: number; is_new: boolean; n_revised: number}>(
      conn,
      `with fa as (select indicator_id, area_code, sum(hash(${["year", ...keys, "value"].join(", ")})) as h from main."${table}" where value is not null group by all),
            fb as (select indicator_id, area_code, sum(hash(${["year", ...keys, "value"].join(", ")})) as h from prev.main."${table}" where value is not null group by all),
            -- only indicator × area pairs whose values differ from before (or are new) can have news: in a run
            -- without news this leaves nothing to join (sweden scope: 414 000 rows against as many)
            changed as (select * from fa except select * from fb),
            a as (select * from main."${table}" where value is not null and (indicator_id, area_code) in (select (indicator_id, area_code) from changed)),
            b as (select * from prev.main."${table}" where value is not null and (indicator_id, area_code) in (select (indicator_id, area_code) from changed)),
       new_years as (select distinct indicator_id, area_code, year from a except select distinct indicator_id, area_code, year from b),
       revised as (select a.indicator_id, a.area_code, a.year, count(*)::INTEGER as n from a join b on ${on}
                    where abs(a.value - b.value) > 1e-9 group by a.indicator_id, a.area_code, a.year)
       select indicator_id, area_code, year::INTEGER as year, true as is_new, 0 as n_revised from new_years
       union all select indicator_id, area_code, year::INTEGER, false, n from revised
       order by indicator_id, area_code, year`
    );
    const byArea = new Map<string, IndicatorChange>();
    for (const r of rows) {
      const k = `${r.indicator_id}\u0000${r.area_code}`;
      const c = byArea.get(k) ?? {indicator_id: r.indicator_id, kind, area_code: r.area_code, new_years: [], revised_years: [], n_revised: 0};
      if (r.is_new) c.new_years.push(r.year);
      else {
        c.revised_years.push(r.year);
        c.n_revised += r.n_revised;
      }
      byArea.set(k, c);
    }
    out.push(...byArea.values());
  }
  return out;
}

/** The newest retrieval date (YYYY-MM-DD) of the previous warehouse's raw files, or null. */
export async function previousRetrieved(conn: DuckDBConnection): Promise<string | null> {
  const [r] = await query<{d: string | null}>(conn, `select strftime(timezone('UTC', max(fetched_at)), '%Y-%m-%d') as d from prev.main.meta_raw_files`);
  return r?.d ?? null;
}

/** One line per indicator for the run report: how many areas got a new year and how many had revised values. */
export function formatIndicatorChanges(changes: readonly IndicatorChange[]): string[] {
  const by = new Map<string, {kind: string; newAreas: number; years: Set<number>; revAreas: number; n: number}>();
  for (const c of changes) {
    const key = `${c.kind} ${c.indicator_id}`;
    const s = by.get(key) ?? {kind: c.kind, newAreas: 0, years: new Set<number>(), revAreas: 0, n: 0};
    if (c.new_years.length) s.newAreas++;
    for (const y of c.new_years) s.years.add(y);
    if (c.revised_years.length) s.revAreas++;
    s.n += c.n_revised;
    by.set(key, s);
  }
  return [...by.entries()].sort().map(([key, s]) => {
    const parts = [];
    if (s.newAreas) parts.push(`new year(s) ${[...s.years].sort().join(", ")} in ${s.newAreas} area(s)`);
    if (s.revAreas) parts.push(`${nf.format(s.n)} revised value(s) in ${s.revAreas} area(s)`);
    return `    ${key.padEnd(50)} ${parts.join("; ")}`;
  });
}
