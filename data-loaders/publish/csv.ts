/**
 * CSV writing for the published files: d3-dsv does the quoting; this module adds the dialects
 * (plain CSV and "CSV för Excel"), number formatting and formula-injection neutralising.
 */
import {dsvFormat} from "d3";

/** A cell: text, a number (never altered beyond the decimal mark), a boolean or empty (null). */
export type Cell = string | number | boolean | null;

export interface CsvDialect {
  delimiter: "," | ";";
  decimal: "." | ",";
  /** UTF-8 byte order mark first, so Excel reads the file as UTF-8. */
  bom: boolean;
  newline: "\n" | "\r\n";
}

/** UTF-8, comma, decimal point, LF. */
export const PLAIN_CSV: CsvDialect = {delimiter: ",", decimal: ".", bom: false, newline: "\n"};
/** "CSV för Excel" (Swedish locale): UTF-8 with BOM, semicolon, decimal comma, CRLF. */
export const EXCEL_CSV: CsvDialect = {delimiter: ";", decimal: ",", bom: true, newline: "\r\n"};

// Characters that make a spreadsheet read a text cell as a formula (OWASP: = + - @, tab, CR).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefix a text cell that a spreadsheet would evaluate as a formula with an apostrophe. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A reusable writer for one dialect; text cells are neutralised and quoted, numbers only get the decimal mark. */
export function csvWriter(dialect: CsvDialect) {
  const dsv = dsvFormat(dialect.delimiter);
  // Published files repeat the same texts (ids, names, sources) on every row: quote each once.
  const texts = new Map<string, string>();
  const text = (s: string): string => {
    let out = texts.get(s);
    if (out === undefined) {
      out = dsv.formatValue(neutralise(s));
      texts.set(s, out);
    }
    return out;
  };
  const cell = (c: Cell): string => {
    if (c === null) return "";
    if (typeof c === "number") {
      if (!Number.isFinite(c)) throw new Error(`cannot publish the number ${c}`);
      const s = String(c);
      return dialect.decimal === "." ? s : s.replace(".", ",");
    }
    if (typeof c === "boolean") return c ? "true" : "false";
    return text(c);
  };
  const row = (cells: readonly Cell[]): string => cells.map(cell).join(dialect.delimiter);
  const file = (lines: string[]) => (dialect.bom ? "\uFEFF" : "") + lines.join(dialect.newline) + dialect.newline;
  return {
    /** The whole file from rows: header row, then one line per row, each ended by the dialect's newline. */
    format(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
      return file([row(header), ...rows.map(row)]);
    }
  };
}

/** Format a whole file in one dialect. */
export function formatCsv(columns: readonly string[], rows: readonly (readonly Cell[])[], dialect: CsvDialect = PLAIN_CSV): string {
  return csvWriter(dialect).format(columns, rows);
}
