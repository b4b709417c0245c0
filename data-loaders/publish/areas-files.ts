/**
 * Writing the neighbourhood files: CSV (comma, decimal point), the Swedish Excel variant (UTF-8
 * BOM, semicolon, decimal comma) and Parquet through DuckDB. Text cells that a spreadsheet would
 * run as a formula are neutralised; numbers are never altered.
 */
import {writeFile} from "node:fs/promises";
import type {DuckDBConnection} from "@duckdb/node-api";
import {csvFormatRows, dsvFormat} from "d3-dsv";
import {exec, type Params} from "../lib/duckdb.js";

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** Characters that make a spreadsheet read a text cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefix a text cell that starts like a formula with `'`; anything else is returned as it is. */
export function neutralise(cell: Cell): Cell {
  return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function textCell(cell: Cell, decimalComma: boolean): string {
  const safe = neutralise(cell);
  if (safe === null) return "";
  if (typeof safe === "number") {
    if (!Number.isFinite(safe)) throw new Error(`not a finite number: ${safe}`);
    const s = String(safe);
    return decimalComma ? s.replace(".", ",") : s;
  }
  return String(safe);
}

function matrix(rows: readonly Row[], columns: readonly string[], headers: readonly string[], decimalComma: boolean): string[][] {
  if (headers.length !== columns.length) throw new Error(`${headers.length} headers for ${columns.length} columns`);
  return [
    headers.map((h) => textCell(h, decimalComma)),
    ...rows.map((r) => columns.map((c) => {
      if (!(c in r)) throw new Error(`row has no column ${c}: ${JSON.stringify(r)}`);
      return textCell(r[c] ?? null, decimalComma);
    }))
  ];
}

/** CSV: UTF-8, comma, decimal point, one header row (the column keys unless headers are given), LF line ends. */
export function formatCsv(rows: readonly Row[], columns: readonly string[], headers: readonly string[] = columns): string {
  return csvFormatRows(matrix(rows, columns, headers, false)) + "\n";
}

const semicolon = dsvFormat(";");

/** The same rows for Swedish Excel: UTF-8 BOM, semicolon, decimal comma. */
export function formatExcelCsv(rows: readonly Row[], columns: readonly string[], headers: readonly string[] = columns): string {
  return "\ufeff" + semicolon.formatRows(matrix(rows, columns, headers, true)) + "\n";
}

/** Write a query's rows to a Parquet file (the path goes in as a parameter, never into the SQL). */
export async function writeParquet(conn: DuckDBConnection, sql: string, params: Params, file: string): Promise<void> {
  await exec(conn, `copy (${sql}) to $parquet_file (format parquet, compression zstd)`, {...params, parquet_file: file});
}

/** Write a text file (UTF-8). */
export async function writeText(file: string, text: string): Promise<void> {
  await writeFile(file, text, "utf8");
}
