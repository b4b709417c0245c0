/**
 * Compute the area indicators from the staging tables into mart_area_* tables: each indicator's SQL,
 * then the generic steps of sql.ts (DeSO → RegSO sums, suppression, pooled comparators, comparisons).
 * All failed checks are reported at once; nothing is half-built on failure (the tables are rebuilt
 * from scratch on every run and the publish stage writes into a temporary directory).
 */
import {listValue, type DuckDBConnection, type DuckDBValue} from "@duckdb/node-api";
import {exec, insertRows, query, type Params} from "../../data-loaders/lib/duckdb.js";
import {CheckError} from "../../data-loaders/lib/errors.js";
import {SUPPRESSION_MIN_BASE, type AreaIndicator} from "./define.js";
import {AREA_INDICATORS} from "./index.js";
import {AREA_COUNTY, OMRADESGRUPPER, type OmradesgruppSet} from "./meta.js";
import {
  AGGREGATES_SQL, AREA_LIST_SQL, COMPARISONS_SQL, CREATE_ENGINE_TABLES_SQL, INSERT_LEVEL_SOURCE_SQL, INSERT_RATIO_SOURCE_SQL, VALUES_SQL
} from "./sql.js";

export interface AreasComputeOptions {
  indicators?: readonly AreaIndicator[];
  /** Neighbourhood groups pooled in mart_area_aggregates (default: Jönköping's Områdesgrupper). */
  groups?: OmradesgruppSet;
}

export interface AreaIndicatorResult {
  id: string;
  level: "regso" | "deso";
  rows: number;
  first_year: number | null;
  latest_year: number | null;
  areas: number;
  with_value: number;
  missing: number;
  suppressed: number;
}

export interface AreasComputeReport {
  indicators: AreaIndicatorResult[];
  aggregates: number;
  comparisons: number;
}

/** Output columns an indicator's SQL must return, by kind. */
const OUTPUT_COLUMNS = {
  ratio: ["region_code", "year", "numerator", "denominator"],
  level: ["region_code", "year", "value", "base"]
} as const;

/** Compute every area indicator into mart_area_values, mart_area_aggregates and mart_area_comparisons. */
export async function computeAreas(conn: DuckDBConnection, opts: AreasComputeOptions = {}): Promise<AreasComputeReport> {
  const indicators = opts.indicators ?? AREA_INDICATORS;
  const groups = opts.groups ?? OMRADESGRUPPER;
  await assertInputsPresent(conn, indicators);

  await exec(conn, CREATE_ENGINE_TABLES_SQL);
  // one statement each (one per row cost 1–2 ms)
  await insertRows(
    conn,
    "mart_area_indicators",
    [["indicator_id", "VARCHAR"], ["ord", "INTEGER"], ["kind", "VARCHAR"], ["level", "VARCHAR"], ["source_level", "VARCHAR"], ["scale", "DOUBLE"],
      ["unit", "VARCHAR"], ["decimals", "INTEGER"], ["base_unit", "VARCHAR"], ["comparison_note", "VARCHAR"]],
    indicators.map((ind, ord) => ({
      indicator_id: ind.id,
      ord,
      kind: ind.kind,
      level: ind.level,
      source_level: ind.kind === "ratio" ? ind.source_level : ind.level,
      scale: ind.kind === "ratio" ? ind.scale : null,
      unit: ind.unit,
      decimals: ind.decimals,
      base_unit: ind.base_unit,
      comparison_note: comparisonNote(ind)
    }))
  );
  await insertRows(
    conn,
    "mart_area_groups",
    [["group_code", "VARCHAR"], ["group_name", "VARCHAR"], ["area_code", "VARCHAR"]],
    groups.groups.flatMap((g) => g.regso.map((area_code) => ({group_code: g.code, group_name: g.name, area_code})))
  );

  for (const ind of indicators) await runIndicatorSql(conn, ind);
  await assertSourceRows(conn);

  await exec(conn, AREA_LIST_SQL, {county_code: AREA_COUNTY.code, county_name: AREA_COUNTY.name});
  await exec(conn, VALUES_SQL, {min_base: SUPPRESSION_MIN_BASE});
  await exec(conn, AGGREGATES_SQL, {min_base: SUPPRESSION_MIN_BASE});
  await exec(conn, COMPARISONS_SQL, {min_base: SUPPRESSION_MIN_BASE});
  await assertValues(conn, indicators);
  return areasComputeReport(conn, indicators);
}

/** Why an indicator has no municipal/county/area-type comparators, if it has none. */
function comparisonNote(ind: AreaIndicator): string | null {
  if (ind.kind === "ratio") return null;
  if (ind.statistic === "median") {
    return "A median cannot be summed or averaged: no RegSO, municipal, county or area-type value; ranked among the county's DeSO.";
  }
  return ind.no_base_reason ? ind.no_base_reason.en : "A mean without its population base is compared by rank only.";
}

/** Every input table must exist, and stg_areas must hold RegSO rows; all gaps reported at once. */
async function assertInputsPresent(conn: DuckDBConnection, indicators: readonly AreaIndicator[]): Promise<void> {
  const tables = new Set(
    (await query<{name: string}>(conn, `select table_name as name from information_schema.tables`)).map((t) => t.name)
  );
  const failures: string[] = [];
  for (const ind of indicators) {
    for (const input of ind.inputs) {
      const table = `stg_scb__${input.slice("scb:".length)}`;
      if (!tables.has(table)) failures.push(`${ind.id}: input ${input} has no staging table ${table}`);
    }
  }
  if (!tables.has("stg_areas")) failures.push("stg_areas does not exist");
  else {
    const [r] = await query<{n: number}>(conn, `select cast(count(*) as integer) as n from stg_areas where level = 'regso'`);
    if (!r || r.n === 0) failures.push("stg_areas has no RegSO rows: the SCB staging did not load the DeSO→RegSO key");
  }
  if (failures.length) throw new CheckError(failures);
}

/** Run one indicator's SQL and append its rows to mart_area_source. */
async function runIndicatorSql(conn: DuckDBConnection, ind: AreaIndicator): Promise<void> {
  try {
    await exec(conn, `create or replace temp table area_indicator_output as ${ind.sql}`, toParams(ind.params));
  } catch (e) {
    throw new Error(`area indicator ${ind.id} (${ind.file}): its SQL failed: ${(e as Error).message}`, {cause: e});
  }
  const cols = (await query<{column_name: string}>(conn, `describe area_indicator_output`)).map((c) => c.column_name);
  const expected = OUTPUT_COLUMNS[ind.kind];
  if (cols.join(",") !== expected.join(",")) {
    throw new CheckError([`${ind.id}: its SQL returns (${cols.join(", ")}); a ${ind.kind} indicator must return (${expected.join(", ")})`]);
  }
  await exec(conn, ind.kind === "ratio" ? INSERT_RATIO_SOURCE_SQL : INSERT_LEVEL_SOURCE_SQL, {indicator_id: ind.id});
}

function toParams(params: Record<string, string | number | string[]>): Params {
  const out: Record<string, DuckDBValue> = {};
  for (const [k, v] of Object.entries(params)) out[k] = Array.isArray(v) ? listValue(v) : v;
  return out;
}

/** Source rows must name known areas of the source level and be unique per area and year. */
async function assertSourceRows(conn: DuckDBConnection): Promise<void> {
  const unknown = await query<{indicator_id: string; region_code: string; source_level: string}>(
    conn,
    `select distinct s.indicator_id, s.region_code, i.source_level
     from mart_area_source s
     join mart_area_indicators i on i.indicator_id = s.indicator_id
     where not exists (select 1 from stg_areas a where a.area_code = s.region_code and a.level = i.source_level)
     order by 1, 2`
  );
  const dupes = await query<{indicator_id: string; region_code: string; year: number}>(
    conn,
    `select indicator_id, region_code, year from mart_area_source group by all having count(*) > 1 order by 1, 2, 3`
  );
  const failures = [
    ...unknown.map((u) => `${u.indicator_id}: region ${u.region_code} is not a ${u.source_level} in stg_areas`),
    ...dupes.map((d) => `${d.indicator_id}: more than one row for ${d.region_code} ${d.year}`)
  ];
  if (failures.length) throw new CheckError(failures);
}

/** Declared checks: value range and expected years, all indicators in two queries. */
async function assertValues(conn: DuckDBConnection, indicators: readonly AreaIndicator[]): Promise<void> {
  const ranges = indicators.flatMap((ind) => (ind.checks.range ? [{indicator_id: ind.id, lo: ind.checks.range[0], hi: ind.checks.range[1]}] : []));
  const years = indicators.flatMap((ind) => (ind.checks.expect_years ?? []).map((year) => ({indicator_id: ind.id, year})));
  await exec(conn, `create or replace temp table tmp_area_check_ranges (indicator_id VARCHAR, lo DOUBLE, hi DOUBLE)`);
  await exec(conn, `create or replace temp table tmp_area_check_years (indicator_id VARCHAR, year INTEGER)`);
  await insertRows(conn, "tmp_area_check_ranges", [["indicator_id", "VARCHAR"], ["lo", "DOUBLE"], ["hi", "DOUBLE"]], ranges);
  await insertRows(conn, "tmp_area_check_years", [["indicator_id", "VARCHAR"], ["year", "INTEGER"]], years);
  const out = await query<{indicator_id: string; area_code: string; year: number; value_exact: number; lo: number; hi: number}>(
    conn,
    `select v.indicator_id, v.area_code, v.year, v.value_exact, r.lo, r.hi
     from mart_area_values v join tmp_area_check_ranges r using (indicator_id)
     where v.value_exact < r.lo or v.value_exact > r.hi order by 1, 2, 3`
  );
  const empty = await query<{indicator_id: string; year: number}>(
    conn,
    `select y.indicator_id, y.year from tmp_area_check_years y
     left join mart_area_values v on v.indicator_id = y.indicator_id and v.year = y.year
     group by y.indicator_id, y.year having count(v.value_exact) = 0 order by 1, 2`
  );
  const failures = [
    ...out.map((o) => `${o.indicator_id}: ${o.area_code} ${o.year} = ${o.value_exact} outside [${o.lo}, ${o.hi}]`),
    ...empty.map((e) => `${e.indicator_id}: no value for ${e.year}`)
  ];
  if (failures.length) throw new CheckError(failures);
}

/** What the area marts hold per indicator (rows, years, missing and suppressed values), read back from the tables. */
export async function areasComputeReport(conn: DuckDBConnection, indicators: readonly AreaIndicator[]): Promise<AreasComputeReport> {
  const rows = await query<Omit<AreaIndicatorResult, "level"> & {level: string}>(
    conn,
    `select
       indicator_id as id, any_value(area_level) as level,
       cast(count(*) as integer) as rows, min(year) as first_year, max(year) as latest_year,
       cast(count(distinct area_code) as integer) as areas,
       cast(count(value) as integer) as with_value,
       cast(count(*) filter (where status = 'missing') as integer) as missing,
       cast(count(*) filter (where status = 'suppressed') as integer) as suppressed
     from mart_area_values group by indicator_id`
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const [agg] = await query<{n: number}>(conn, `select cast(count(*) as integer) as n from mart_area_aggregates`);
  const [cmp] = await query<{n: number}>(conn, `select cast(count(*) as integer) as n from mart_area_comparisons`);
  return {
    indicators: indicators.map((ind) => {
      const r = byId.get(ind.id);
      return r
        ? {...r, level: ind.level}
        : {id: ind.id, level: ind.level, rows: 0, first_year: null, latest_year: null, areas: 0, with_value: 0, missing: 0, suppressed: 0};
    }),
    aggregates: agg?.n ?? 0,
    comparisons: cmp?.n ?? 0
  };
}
