/**
 * Writing the neighbourhood files: CSV (comma, decimal point), the Swedish Excel variant (UTF-8
 * BOM, semicolon, decimal comma), in the same dialects as the municipal
 * files (csv.ts does the quoting and neutralising).
 */
import {writeFile} from "node:fs/promises";
import {EXCEL_CSV, PLAIN_CSV, formatCsv as formatDialect, type Cell, type CsvDialect} from "./csv.js";

export type {Cell};
export type Row = Record<string, Cell>;

function format(rows: readonly Row[], columns: readonly string[], headers: readonly string[], dialect: CsvDialect): string {
  if (headers.length !== columns.length) throw new Error(`${headers.length} headers for ${columns.length} columns`);
  const cells = rows.map((r) =>
    columns.map((c) => {
      if (!(c in r)) throw new Error(`row has no column ${c}: ${JSON.stringify(r)}`);
      return r[c] ?? null;
    })
  );
  return formatDialect(headers, cells, dialect);
}

/** CSV: UTF-8, comma, decimal point, one header row (the column keys unless headers are given). */
export function formatCsv(rows: readonly Row[], columns: readonly string[], headers: readonly string[] = columns): string {
  return format(rows, columns, headers, PLAIN_CSV);
}

/** The same rows for Swedish Excel: UTF-8 BOM, semicolon, decimal comma (the municipal files' dialect). */
export function formatExcelCsv(rows: readonly Row[], columns: readonly string[], headers: readonly string[] = columns): string {
  return format(rows, columns, headers, EXCEL_CSV);
}

/** Write a text file (UTF-8). */
export async function writeText(file: string, text: string): Promise<void> {
  await writeFile(file, text, "utf8");
}
