/**
 * Checks on mart_indicator_values after the indicators' SQL ran: the ones each indicator declares
 * (range, expect_areas, expect_years) and the generic ones (unique key, no NULL key, declared sexes
 * and groups, statuses, no NaN/inf, known areas, gaps that add up). Set-based SQL over all
 * indicators at once; every failure is returned, so the run reports them together.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {insertRows, query} from "../data-loaders/lib/duckdb.js";
import {CheckError} from "../data-loaders/lib/errors.js";
import type {Indicator} from "./define.js";
import {RowStatus} from "./published.js";

/** Tolerance when checking that a gap equals foreign-born minus the comparison group. */
const GAP_TOLERANCE = 1e-6;
/** How many offending rows a failure message shows. */
const EXAMPLES = 3;

interface Finding {
  indicator_id: string;
  n: number;
  examples: string[];
}

/**
 * One generic check: SQL over `v` (the run's rows of mart_indicator_values) joined to `d`
 * (tmp_check_decl), returning (indicator_id, example) per offending row.
 */
interface RowCheck {
  what: string;
  sql: string;
}

const KEY = `v.indicator_id, v.area_code, v.year, v.sex, v."group"`;
const ROW = `format('area {} year {} sex {} group {} value {} status ''{}''', v.area_code, v.year, v.sex, v."group", v.value, v.status)`;

const ROW_CHECKS: RowCheck[] = [
  {
    what: "rows with an empty key column (area_code, year, sex or group)",
    sql: `SELECT v.indicator_id, ${ROW} AS example FROM v
          WHERE v.area_code IS NULL OR v.year IS NULL OR v.sex IS NULL OR v."group" IS NULL`
  },
  {
    what: "duplicate keys (indicator, area, year, sex, group)",
    sql: `SELECT v.indicator_id, format('area {} year {} sex {} group {} × {}', ${KEY.replace("v.indicator_id, ", "")}, count(*)) AS example
          FROM v GROUP BY ${KEY} HAVING count(*) > 1`
  },
  {
    what: "sexes the indicator does not declare",
    sql: `SELECT v.indicator_id, ${ROW} AS example FROM v JOIN d USING (indicator_id)
          WHERE v.sex IS NOT NULL AND NOT list_contains(d.sexes, v.sex)`
  },
  {
    what: "groups the indicator does not declare",
    sql: `SELECT v.indicator_id, ${ROW} AS example FROM v JOIN d USING (indicator_id)
          WHERE v."group" IS NOT NULL AND NOT list_contains(d.groups, v."group")`
  },
  {
    what: `statuses outside ${RowStatus.options.map((s) => `'${s}'`).join(", ")}`,
    sql: `SELECT v.indicator_id, ${ROW} AS example FROM v
          WHERE NOT list_contains(string_split($statuses, '|'), v.status)`
  },
  {
    what: "rows without a value whose status is not 'missing' or 'suppressed'",
    sql: `SELECT v.indicator_id, ${ROW} AS example FROM v
          WHERE v.value IS NULL AND v.status NOT IN ('missing', 'suppressed')`
  },
  {
    what: "rows with a value whose status says 'missing' or 'suppressed'",
    sql: `SELECT v.indicator_id, ${ROW} AS example FROM v
          WHERE v.value IS NOT NULL AND v.status IN ('missing', 'suppressed')`
  },
  {
    what: "NaN or infinite values",
    sql: `SELECT v.indicator_id, ${ROW} AS example FROM v WHERE isnan(v.value) OR isinf(v.value)`
  },
  {
    what: "area codes not in stg_areas",
    sql: `SELECT v.indicator_id, format('area {} × {}', v.area_code, count(*)) AS example FROM v
          WHERE v.area_code IS NOT NULL AND v.area_code NOT IN (SELECT area_code FROM stg_areas)
          GROUP BY v.indicator_id, v.area_code`
  },
  {
    // A gap is the difference of two values within the range, so its own bounds are ±(hi − lo).
    what: "values outside the declared range (gap rows: outside ±(max − min))",
    sql: `SELECT v.indicator_id, concat(${ROW}, ' not in [', d.range_lo, ', ', d.range_hi, ']') AS example
          FROM v JOIN d USING (indicator_id)
          WHERE d.range_lo IS NOT NULL AND v.value IS NOT NULL AND NOT isnan(v.value)
            AND CASE WHEN v."group" = 'gap'
                  THEN abs(v.value) > d.range_hi - d.range_lo
                  ELSE v.value NOT BETWEEN d.range_lo AND d.range_hi END`
  },
  {
    what: "expected areas without any value (checks.expect_areas)",
    sql: `SELECT a.indicator_id, concat('area ', a.area_code) AS example
          FROM tmp_check_areas AS a
          WHERE NOT EXISTS (
            SELECT 1 FROM v WHERE v.indicator_id = a.indicator_id AND v.area_code = a.area_code AND v.value IS NOT NULL
          )`
  },
  {
    // A span, not every year: survey and election series are published every second or fourth year.
    what: "series that does not span the expected years (checks.expect_years: a value in or before the first, in or after the last)",
    sql: `SELECT d.indicator_id,
            format('values only {}–{}', min(v.year) FILTER (WHERE v.value IS NOT NULL), max(v.year) FILTER (WHERE v.value IS NOT NULL)) AS example
          FROM d LEFT JOIN v USING (indicator_id)
          WHERE d.year_from IS NOT NULL
          GROUP BY d.indicator_id, d.year_from, d.year_to
          HAVING coalesce(min(v.year) FILTER (WHERE v.value IS NOT NULL) > d.year_from, true)
              OR coalesce(max(v.year) FILTER (WHERE v.value IS NOT NULL) < d.year_to, true)`
  },
  {
    what: `gap rows that are not foreign_born minus the comparison group (±${GAP_TOLERANCE})`,
    sql: `SELECT g.indicator_id,
            format('area {} year {} sex {} gap {} expected {}', g.area_code, g.year, g.sex, g.value, f.value - c.value) AS example
          FROM v AS g
          JOIN d USING (indicator_id)
          JOIN v AS f ON f.indicator_id = g.indicator_id AND f.area_code = g.area_code AND f.year = g.year
                     AND f.sex = g.sex AND f."group" = 'foreign_born'
          JOIN v AS c ON c.indicator_id = g.indicator_id AND c.area_code = g.area_code AND c.year = g.year
                     AND c.sex = g.sex AND c."group" = d.comparison_group
          WHERE g."group" = 'gap' AND g.value IS NOT NULL AND f.value IS NOT NULL AND c.value IS NOT NULL
            AND abs(g.value - (f.value - c.value)) > ${GAP_TOLERANCE}`
  }
];

/** Run every check on the given indicators' rows in mart_indicator_values; returns all failures (empty = pass). */
export async function checkIndicators(conn: DuckDBConnection, indicators: Indicator[]): Promise<string[]> {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const failures: string[] = declarationFailures(indicators);
  await writeDeclarations(conn, indicators);

  const counts = await query<{indicator_id: string; n: number}>(
    conn,
    `SELECT d.indicator_id, count(v.indicator_id)::INTEGER AS n
     FROM tmp_check_decl AS d LEFT JOIN mart_indicator_values AS v USING (indicator_id)
     GROUP BY d.indicator_id ORDER BY d.indicator_id`
  );
  for (const c of counts) if (c.n === 0) failures.push(`${label(byId, c.indicator_id)}: no rows`);

  // One statement for every check: one per check cost ~25 ms each, most of the checks' time.
  const found = await query<Finding & {check: number}>(
    conn,
    `WITH
     v AS MATERIALIZED (SELECT * FROM mart_indicator_values WHERE indicator_id IN (SELECT indicator_id FROM tmp_check_decl)),
     d AS (SELECT * FROM tmp_check_decl),
     ${ROW_CHECKS.map((check, k) => `c${k} AS (${check.sql})`).join(",\n     ")},
     offending AS (${ROW_CHECKS.map((_c, k) => `SELECT ${k} AS "check", indicator_id, example FROM c${k}`).join("\n       UNION ALL ")})
     SELECT "check", indicator_id, count(*)::INTEGER AS n, list(example ORDER BY example)[1:${EXAMPLES}] AS examples
     FROM offending GROUP BY "check", indicator_id ORDER BY "check", indicator_id`,
    {statuses: RowStatus.options.join("|")}
  );
  for (const f of found) {
    failures.push(`${label(byId, f.indicator_id)}: ${f.n} ${ROW_CHECKS[f.check]!.what}, e.g. ${f.examples.join("; ")}`);
  }
  return failures;
}

/** Run the checks and throw one CheckError listing every failure. */
export async function assertIndicatorChecks(conn: DuckDBConnection, indicators: Indicator[]): Promise<void> {
  const failures = await checkIndicators(conn, indicators);
  if (failures.length) throw new CheckError(failures);
}

function label(byId: Map<string, Indicator>, id: string): string {
  const ind = byId.get(id);
  return ind ? `indicator ${ind.goal_area}/${ind.id} (${ind.file})` : `indicator ${id}`;
}

/** Problems in the declarations themselves (no data needed). */
function declarationFailures(indicators: Indicator[]): string[] {
  const out: string[] = [];
  for (const ind of indicators) {
    const where = `indicator ${ind.goal_area}/${ind.id} (${ind.file})`;
    if (ind.groups.includes("gap") && ind.comparison_group === null) {
      out.push(`${where}: groups include 'gap' but comparison_group is not set`);
    }
    if (ind.groups.includes("gap") && !(ind.groups.includes("foreign_born") && ind.comparison_group && ind.groups.includes(ind.comparison_group))) {
      out.push(`${where}: a 'gap' needs the groups 'foreign_born' and the comparison group beside it`);
    }
    const r = ind.checks.range;
    if (r && r[0] > r[1]) out.push(`${where}: checks.range [${r[0]}, ${r[1]}] is empty`);
    // A level row is not a gap row: [−100, 100] on a share would let a −5 % level through.
    if (r && r[0] < 0 && ind.groups.includes("gap")) {
      out.push(`${where}: checks.range [${r[0]}, ${r[1]}] is the level rows' range; gap rows get ±(max − min) by themselves, so declare the levels' range (e.g. [0, 100])`);
    }
    const y = ind.checks.expect_years;
    if (y && y[0] > y[1]) out.push(`${where}: checks.expect_years [${y[0]}, ${y[1]}] is empty`);
  }
  return out;
}

/** The declared checks as temp tables the SQL joins (rows bound as one JSON parameter). */
async function writeDeclarations(conn: DuckDBConnection, indicators: Indicator[]): Promise<void> {
  await conn.run(`CREATE OR REPLACE TEMP TABLE tmp_check_decl (
    indicator_id VARCHAR, sexes VARCHAR[], groups VARCHAR[], comparison_group VARCHAR,
    range_lo DOUBLE, range_hi DOUBLE, year_from INTEGER, year_to INTEGER)`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE tmp_check_areas (indicator_id VARCHAR, area_code VARCHAR)`);
  await insertRows(
    conn,
    "tmp_check_decl",
    [["indicator_id", "VARCHAR"], ["sexes", ["VARCHAR"]], ["groups", ["VARCHAR"]], ["comparison_group", "VARCHAR"],
      ["range_lo", "DOUBLE"], ["range_hi", "DOUBLE"], ["year_from", "INTEGER"], ["year_to", "INTEGER"]],
    indicators.map(({id, sexes, groups, comparison_group, checks: {range, expect_years}}) => ({
      indicator_id: id, sexes, groups, comparison_group,
      range_lo: range?.[0], range_hi: range?.[1], year_from: expect_years?.[0], year_to: expect_years?.[1]
    }))
  );
  await insertRows(
    conn,
    "tmp_check_areas",
    [["indicator_id", "VARCHAR"], ["area_code", "VARCHAR"]],
    indicators.flatMap((ind) => (ind.checks.expect_areas ?? []).map((area_code) => ({indicator_id: ind.id, area_code})))
  );
}
