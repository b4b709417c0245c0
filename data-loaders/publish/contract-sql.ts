/**
 * A published file's contract (a plain zod object schema from indicators/published.ts) checked in SQL on the table
 * the file is written from: the file is then written by a DuckDB COPY and never passes through JS. For sweden
 * scope's summary.csv (40 000 rows × 48 columns) reading the rows into JS, validating and formatting them took
 * ~2,3 s of the publish stage (bench 2026-12-01). The schema stays the one definition: each field's kind,
 * nullability, integer format and enum values become SQL predicates; a field of any other kind is refused.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import type {z} from "zod";
import {query, type Params} from "../lib/duckdb.js";
import {CheckError} from "../lib/errors.js";

interface FieldRule {
  field: string;
  /** The DuckDB types a column of this field may have. */
  types: readonly string[];
  /** SQL that is true where a value breaks the rule (its params in `params`). */
  broken: string;
  what: string;
  params: Params;
}

/** Column types a number field may have (and DECIMAL(w,s)). */
const NUMERIC = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "FLOAT", "DOUBLE"];

interface Def {
  type: string;
  innerType?: z.ZodType;
  entries?: Record<string, string>;
  checks?: {_zod: {def: {check?: string; format?: string}}}[];
}

const defOf = (t: z.ZodType) => (t as unknown as {def: Def}).def;

/** A field's definition, a nullable one's inner type. */
const innerDef = (t: z.ZodType): Def => {
  const def = defOf(t);
  return def.type === "nullable" ? defOf(def.innerType!) : def;
};

/**
 * The enum fields whose every option passes `safe` (e.g. never starts like a formula): once assertTableContract has
 * held a table to the schema, such a column can only hold these options.
 */
export function enumFieldsWhere(schema: z.ZodObject, safe: (option: string) => boolean): string[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([, t]) => {
      const def = innerDef(t);
      return def.type === "enum" && Object.values(def.entries!).every(safe);
    })
    .map(([field]) => field);
}

/** The fields of a plain object schema whose values are text (strings and enums). */
export function textFields(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([, t]) => ["string", "enum"].includes(innerDef(t).type))
    .map(([field]) => field);
}

/** The SQL rules of every field of a plain object schema (no object-level checks). */
export function fieldRules(schema: z.ZodObject): FieldRule[] {
  if ((schema.def.checks ?? []).length) throw new Error("fieldRules: the schema has object-level checks, which SQL rules cannot express");
  return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([field, type], k): FieldRule[] => {
    const col = `"${field.replaceAll('"', '""')}"`;
    const nullable = defOf(type).type === "nullable";
    const def = innerDef(type);
    const rules: FieldRule[] = [];
    if (!nullable) rules.push({field, types: [], broken: `${col} IS NULL`, what: "is empty", params: {}});
    if ((def.checks ?? []).some((c) => c._zod.def.check !== "number_format" || c._zod.def.format !== "safeint")) {
      throw new Error(`fieldRules: ${field} has checks besides int(), which SQL rules do not express`);
    }
    switch (def.type) {
      case "string":
        rules.push({field, types: ["VARCHAR"], broken: "false", what: "", params: {}});
        break;
      case "boolean":
        rules.push({field, types: ["BOOLEAN"], broken: "false", what: "", params: {}});
        break;
      case "number": {
        const int = (def.checks ?? []).length > 0;
        rules.push({
          field,
          types: NUMERIC,
          broken: int
            ? `${col} IS NOT NULL AND (NOT isfinite(${col}::DOUBLE) OR ${col}::DOUBLE <> trunc(${col}::DOUBLE) OR abs(${col}::DOUBLE) > 9007199254740991)`
            : `${col} IS NOT NULL AND NOT isfinite(${col}::DOUBLE)`,
          what: int ? "is not a whole number" : "is not a finite number",
          params: {}
        });
        break;
      }
      case "enum": {
        const options = Object.values(def.entries!);
        rules.push({
          field,
          types: ["VARCHAR"],
          broken: `${col} IS NOT NULL AND NOT list_contains(string_split($enum_${k}, '|'), ${col})`,
          what: `is not one of ${options.map((o) => `'${o}'`).join(", ")}`,
          params: {[`enum_${k}`]: options.join("|")}
        });
        break;
      }
      default:
        throw new Error(`fieldRules: ${field} is a zod ${def.type}, which has no SQL rule here`);
    }
    return rules;
  });
}

/**
 * Check `table` against the schema: its columns (besides those in `extra`) are exactly the schema's fields in order,
 * each of a type the field allows, and no value breaks a rule.
 * its count and an example (`example` is SQL naming a row, e.g. its key). Throws one CheckError listing every broken
 * rule with its count and an example, each message starting with `file`.
 */
export async function assertTableContract(
  conn: DuckDBConnection,
  table: string,
  schema: z.ZodObject,
  opts: {file: string; example: string; extra?: readonly string[]}
): Promise<void> {
  const rules = fieldRules(schema);
  const described = await query<{column_name: string; column_type: string}>(conn, `SELECT column_name, column_type FROM (DESCRIBE ${table})`);
  const columns = described.filter((c) => !(opts.extra ?? []).includes(c.column_name));
  const fields = Object.keys(schema.shape);
  const issues: string[] = [];
  const fail = (message: string) => issues.push(`publish: ${opts.file}: ${message}`);
  if (columns.map((c) => c.column_name).join(",") !== fields.join(",")) {
    fail(`columns (${columns.map((c) => c.column_name).join(", ")}) differ from the contract (${fields.join(", ")})`);
    throw new CheckError(issues);
  }
  const typeOf = new Map(columns.map((c) => [c.column_name, c.column_type]));
  for (const r of rules) {
    const t = typeOf.get(r.field)!;
    const allowed = r.types.includes(t) || (r.types === NUMERIC && t.startsWith("DECIMAL"));
    if (r.types.length && !allowed) fail(`${r.field} has the column type ${t}, expected ${[...r.types, ...(r.types === NUMERIC ? ["DECIMAL"] : [])].join(" or ")}`);
  }
  if (issues.length) throw new CheckError(issues);
  const checked = rules.filter((r) => r.broken !== "false");
  const params = Object.assign({}, ...checked.map((r) => r.params)) as Params;
  if (checked.length === 0) return;
  // One aggregate first: planning two per rule (count and example) cost ~0,1 s, and a passing table needs neither.
  const [any] = await query<{n: number}>(conn, `SELECT count(*)::INTEGER AS n FROM ${table} WHERE ${checked.map((r) => `(${r.broken})`).join(" OR ")}`, params);
  if ((any?.n ?? 0) === 0) return;
  const [counts] = await query<Record<string, number | string | null>>(
    conn,
    `SELECT ${checked.map((r, i) => `count(*) FILTER (WHERE ${r.broken})::INTEGER AS n${i}, coalesce(any_value((${opts.example})::VARCHAR) FILTER (WHERE ${r.broken}), 'a row whose key is empty') AS e${i}`).join(",\n       ")}
     FROM ${table}`,
    params
  );
  checked.forEach((r, i) => {
    const n = Number(counts?.[`n${i}`] ?? 0);
    if (n > 0) fail(`${n} row(s) where ${r.field} ${r.what}, e.g. ${counts?.[`e${i}`]}`);
  });
  if (issues.length) throw new CheckError(issues);
}
