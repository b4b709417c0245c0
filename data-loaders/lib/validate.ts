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
