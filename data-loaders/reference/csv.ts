/**
 * A small RFC 4180 reader for the reference files: strips a UTF-8 BOM, accepts CRLF, LF and
 * CR-only line endings (SCB exports use all three), quoted fields with "" escapes.
 */
import type {z} from "zod";
import {ParseError, type ErrorOrigin} from "../lib/errors.js";
import {validate} from "../lib/validate.js";

/** Split CSV text into rows of fields; a final empty line is not a row. Throws on an unclosed quote. */
export function parseCsv(text: string, sep = ","): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (quoted) throw new Error("a quoted field is not closed before the end of the file");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * A reference CSV as objects: the header must be exactly `columns` (checked with `header`, a zod tuple) and every row
 * as wide; fields stay strings for the caller's schema. Throws ParseError/SchemaError naming the file.
 */
export function csvObjects(body: Buffer, origin: ErrorOrigin, columns: readonly string[], header: z.ZodType): Record<string, string>[] {
  let rows: string[][];
  try {
    rows = parseCsv(body.toString("utf8"));
  } catch (e) {
    throw new ParseError(origin, `not a readable CSV file: ${(e as Error).message}`);
  }
  const [head, ...data] = rows;
  validate(header, head, origin);
  return data.map((r) => {
    if (r.length !== columns.length) throw new ParseError(origin, `row ${JSON.stringify(r)} has ${r.length} fields, expected ${columns.length}`);
    return Object.fromEntries(columns.map((c, i) => [c, r[i]!]));
  });
}
