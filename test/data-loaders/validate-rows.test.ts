/** validateRows: chunked validation of table rows still reports every issue with its index in the whole table. */
import {describe, expect, it} from "vitest";
import {z} from "zod";
import {SchemaError} from "../../data-loaders/lib/errors.js";
import {validateRows} from "../../data-loaders/lib/validate.js";

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
