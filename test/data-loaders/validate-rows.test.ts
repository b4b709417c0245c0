/**
 * validateRows: chunked validation of table rows still reports every issue with its index in the whole table.
 * validateColumns: the same table as columns gives the same paths.
 */
import {describe, expect, it} from "vitest";
import {z} from "zod";
import {SchemaError} from "../../data-loaders/lib/errors.js";
import {validateColumns, validateRows} from "../../data-loaders/lib/validate.js";

const Row = z.object({area_code: z.string().regex(/^\d{4}$/), value: z.number().nullable()}).strict();
const COLUMNS = ["area_code", "value"];

describe("validateRows", () => {
  it("accepts valid rows across several chunks", () => {
    const rows = Array.from({length: 12_001}, (_, i) => [String(1000 + (i % 9000)), i % 7 ? i : null]);
    expect(() => validateRows(Row, rows, COLUMNS, {source: "publish", file: "summary.csv"})).not.toThrow();
  });

  it("names each bad row by its index in the whole table, in later chunks too", () => {
    const rows: unknown[][] = Array.from({length: 11_000}, (_, i) => [String(1000 + (i % 9000)), i]);
    rows[3] = ["12", 1];
    rows[10_500] = ["0604", "x"];
    let err: unknown;
    try {
      validateRows(Row, rows, COLUMNS, {source: "publish", file: "summary.csv"});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemaError);
    const msg = (err as Error).message;
    expect(msg).toContain("summary.csv");
    expect(msg).toContain("$[3].area_code");
    expect(msg).toContain("$[10500].value");
  });
});

describe("validateColumns", () => {
  const origin = {source: "publish", file: "summary.csv"} as const;
  const message = (f: () => void): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(SchemaError);
      return (e as Error).message;
    }
    return "";
  };

  it("accepts valid columns", () => {
    const codes = Array.from({length: 12_001}, (_, i) => String(1000 + (i % 9000)));
    const values = codes.map((_, i) => (i % 7 ? i : null));
    expect(() => validateColumns(Row, [codes, values], COLUMNS, origin)).not.toThrow();
  });

  it("names each bad cell by its row and column, as validateRows does", () => {
    const codes = Array.from({length: 11_000}, (_, i) => String(1000 + (i % 9000)));
    const values: unknown[] = codes.map((_, i) => i);
    codes[3] = "12";
    values[10_500] = "x";
    const msg = message(() => validateColumns(Row, [codes, values], COLUMNS, origin));
    expect(msg).toContain("summary.csv");
    expect(msg).toContain("$[3].area_code");
    expect(msg).toContain("$[10500].value");
    const rows = codes.map((c, i) => [c, values[i]]);
    const byRows = message(() => validateRows(Row, rows, COLUMNS, origin));
    expect(byRows).toContain("$[3].area_code");
    expect(byRows).toContain("$[10500].value");
  });

  it("refuses columns that are not exactly the schema's fields, and schemas with object-level checks", () => {
    expect(message(() => validateColumns(Row, [["0604"]], ["area_code"], origin))).toContain("missing value");
    const refined = z.object({a: z.number(), b: z.number()}).refine((r) => r.a < r.b);
    expect(() => validateColumns(refined as unknown as z.ZodObject, [[1], [2]], ["a", "b"], origin)).toThrow(/object-level checks/);
  });
});
