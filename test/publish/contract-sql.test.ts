/** A published file's zod contract checked in SQL (contract-sql.ts): on invented rows (not statistics). */
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {z} from "zod";
import {CheckError} from "../../data-loaders/lib/errors.js";
import {assertTableContract, fieldRules} from "../../data-loaders/publish/contract-sql.js";
import {SummaryRow} from "../../indicators/published.js";
import {freshDb} from "../helpers/db.js";

const Row = z.object({
  id: z.string(),
  year: z.number().int().nullable(),
  value: z.number().nullable(),
  trend: z.enum(["improving", "worsening"]),
  ok: z.boolean()
});

let db: Awaited<ReturnType<typeof freshDb>>;
beforeEach(async () => {
  db = await freshDb({schema: false});
});
afterEach(() => db.close());

const failures = async (sql: string): Promise<string[]> => {
  await db.conn.run(`CREATE OR REPLACE TABLE t AS ${sql}`);
  try {
    await assertTableContract(db.conn, "t", Row, {file: "x.csv", example: "format('row {}', id)", extra: ["_ord"]});
  } catch (e) {
    expect(e).toBeInstanceOf(CheckError);
    return [...(e as CheckError).failures];
  }
  return [];
};

describe("assertTableContract", () => {
  it("passes a table that keeps the contract (extra columns allowed by name)", async () => {
    expect(await failures(`SELECT 'a' AS id, 2022 AS year, NULL::DOUBLE AS value, 'improving' AS trend, true AS ok, 1 AS _ord`)).toEqual([]);
  });

  it("reports every broken rule at once, with its count and an example", async () => {
    const found = await failures(`
      SELECT * FROM (VALUES
        ('a', 2022.5::DOUBLE, 'nan'::DOUBLE, 'better', true),
        (NULL, 2021, 1.5, 'improving', NULL),
        ('c', 2020, 'inf'::DOUBLE, 'improving', false)
      ) AS v(id, year, value, trend, ok)`);
    expect(found).toEqual([
      "publish: x.csv: 1 row(s) where id is empty, e.g. a row whose key is empty",
      "publish: x.csv: 1 row(s) where year is not a whole number, e.g. row a",
      "publish: x.csv: 2 row(s) where value is not a finite number, e.g. row a",
      "publish: x.csv: 1 row(s) where trend is not one of 'improving', 'worsening', e.g. row a",
      "publish: x.csv: 1 row(s) where ok is empty, e.g. a row whose key is empty"
    ]);
  });

  it("refuses other columns, or a column of the wrong type", async () => {
    expect(await failures(`SELECT 'a' AS id, 2022 AS year, 1.0 AS value`)).toEqual([
      "publish: x.csv: columns (id, year, value) differ from the contract (id, year, value, trend, ok)"
    ]);
    expect(await failures(`SELECT 'a' AS id, '2022' AS year, 1.0::DOUBLE AS value, 'improving' AS trend, 'yes' AS ok`)).toEqual([
      "publish: x.csv: year has the column type VARCHAR, expected TINYINT or SMALLINT or INTEGER or BIGINT or HUGEINT or UTINYINT or USMALLINT or UINTEGER or UBIGINT or FLOAT or DOUBLE or DECIMAL",
      "publish: x.csv: ok has the column type VARCHAR, expected BOOLEAN"
    ]);
  });
});

describe("fieldRules", () => {
  it("expresses every field of summary.csv's contract", () => {
    const fields = new Set(fieldRules(SummaryRow).map((r) => r.field));
    expect([...fields].sort()).toEqual(Object.keys(SummaryRow.shape).sort());
  });

  it("refuses what SQL rules here cannot express: refinements, other checks, other kinds", () => {
    expect(() => fieldRules(z.object({a: z.number()}).refine((r) => r.a > 0) as unknown as z.ZodObject)).toThrow(/object-level checks/);
    expect(() => fieldRules(z.object({a: z.string().regex(/^\d+$/)}))).toThrow(/checks besides int/);
    expect(() => fieldRules(z.object({a: z.array(z.string())}))).toThrow(/zod array/);
  });
});
