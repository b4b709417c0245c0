/** zod at the boundary: one error naming source, URL or file, JSON path and offending value. */
import type {z} from "zod";
import {SchemaError, type ErrorOrigin} from "./errors.js";

/** Render a zod path as JSONPath-like text: $.values[3].period */
export function jsonPath(path: readonly PropertyKey[]): string {
  return "$" + path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/** Parse with a schema or throw a SchemaError listing every issue (capped) with path and value. */
export function validate<S extends z.ZodType>(schema: S, data: unknown, origin: ErrorOrigin): z.infer<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 20).map((i) => {
    // For an unrecognized key the offending thing is the key itself, not a missing value.
    const keys = (i as {keys?: string[]}).keys;
    return {
      path: jsonPath(keys?.length ? [...i.path, keys[0]!] : i.path),
      message: i.message,
      value: keys?.length ? valueAt(data, [...i.path, keys[0]!]) : valueAt(data, i.path)
    };
  });
  if (r.error.issues.length > 20) issues.push({path: "…", message: `${r.error.issues.length - 20} more issue(s)`, value: undefined});
  throw new SchemaError(origin, issues);
}

/**
 * Validate table rows (arrays in `columns` order) against a row schema, 5 000 rows at a time: the row
 * objects and zod's copies of them never exist for the whole table at once (sweden scope: 40 000 summary
 * rows × 60 columns). Every issue is still reported, with its row's index in the whole table.
 */
export function validateRows<S extends z.ZodType>(schema: S, rows: readonly unknown[][], columns: readonly string[], origin: ErrorOrigin): void {
  const CHUNK = 5000;
  const issues: {path: string; message: string; value: unknown}[] = [];
  let total = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK).map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
    for (const [k, obj] of chunk.entries()) {
      const r = schema.safeParse(obj);
      if (r.success) continue;
      for (const i of r.error.issues) {
        total++;
        if (issues.length < 20) issues.push({path: jsonPath([start + k, ...i.path]), message: i.message, value: valueAt(obj, i.path)});
      }
    }
  }
  if (total > 20) issues.push({path: "…", message: `${total - 20} more issue(s)`, value: undefined});
  if (issues.length) throw new SchemaError(origin, issues);
}
