/** The CSV dialects of the published files: quoting, numbers, formula neutralising (JS and SQL alike). */
import {csvParse, dsvFormat} from "d3";
import {describe, expect, it} from "vitest";
import {query} from "../../data-loaders/lib/duckdb.js";
import {EXCEL_CSV, formatCsv, neutralise, PLAIN_CSV} from "../../data-loaders/publish/csv.js";
import {NEUTRALISE_SQL, NEUTRALISED_SUMMARY_COLUMNS} from "../../data-loaders/publish/index.js";
import {enumFieldsWhere} from "../../data-loaders/publish/contract-sql.js";
import {z} from "zod";
import {Group, RowStatus, Sex} from "../../indicators/published.js";
import {freshDb} from "../helpers/db.js";

const TEXTS = ["=SUM(A1:A2)", '=HYPERLINK("http://x","y")', "+46 70", "-foo", "@user", "\tx", "\rx", "ok", "a-b", "", "'=already", " =spaced"];

describe("neutralise", () => {
  it("prefixes text starting with = + - @ tab or CR, leaves other text alone", () => {
    expect(TEXTS.map(neutralise)).toEqual([
      "'=SUM(A1:A2)", `'=HYPERLINK("http://x","y")`, "'+46 70", "'-foo", "'@user", "'\tx", "'\rx", "ok", "a-b", "", "'=already", " =spaced"
    ]);
  });

  it("has an SQL twin (the macro the tidy files use) that agrees on every case", async () => {
    const db = await freshDb({schema: false});
    await db.conn.run(NEUTRALISE_SQL);
    const rows = await query<{out: string[]}>(db.conn, `SELECT list_transform(string_split($texts, chr(31)), s -> neutralise(s)) AS out`, {
      texts: TEXTS.join("\u001f")
    });
    db.close();
    expect(rows[0]?.out).toEqual(TEXTS.map(neutralise));
  });
});

describe("the codes the tidy CSVs write without neutralising (tidy-text.sql)", () => {
  it("sex, group and status codes never start like a formula", () => {
    const codes = [...Sex.options, ...Group.options, ...RowStatus.options];
    expect(codes.filter((c) => neutralise(c) !== c)).toEqual([]);
  });
});

describe("summary.csv's neutralised columns", () => {
  it("are every free-text column; an enum column only while none of its codes starts like a formula", () => {
    expect([...NEUTRALISED_SUMMARY_COLUMNS]).toEqual(expect.arrayContaining(["indicator_id", "area_code", "area_name"]));
    expect(NEUTRALISED_SUMMARY_COLUMNS.has("trend")).toBe(false);
    const schema = z.object({a: z.enum(["ok", "fine"]), b: z.enum(["ok", "=bad"]), c: z.string(), d: z.enum(["x"]).nullable()});
    expect(enumFieldsWhere(schema, (o) => neutralise(o) === o)).toEqual(["a", "d"]);
  });
});

describe("formatCsv", () => {
  const rows = [
    ["=1+1", -2.5, null, true],
    ['say "hi", then; go\nnext', 1e-7, 1234567.125, false]
  ];

  it("plain: comma, decimal point, LF, quoting by d3-dsv, numbers untouched", () => {
    const text = formatCsv(["text", "n", "empty", "flag"], rows, PLAIN_CSV);
    expect(text).toBe(`text,n,empty,flag\n'=1+1,-2.5,,true\n"say ""hi"", then; go\nnext",1e-7,1234567.125,false\n`);
    expect(csvParse(text)[1]).toEqual({text: 'say "hi", then; go\nnext', n: "1e-7", empty: "1234567.125", flag: "false"});
  });

  it("Excel: BOM, semicolon, decimal comma, CRLF", () => {
    const text = formatCsv(["text", "n", "empty", "flag"], rows, EXCEL_CSV);
    expect(text).toBe(`\uFEFFtext;n;empty;flag\r\n'=1+1;-2,5;;true\r\n"say ""hi"", then; go\nnext";1e-7;1234567,125;false\r\n`);
    const parsed = dsvFormat(";").parseRows(text.slice(1).replace(/\r\n/g, "\n"));
    expect(parsed[1]).toEqual(["'=1+1", "-2,5", "", "true"]);
  });

  it("refuses a number it cannot write", () => {
    expect(() => formatCsv(["n"], [[Number.NaN]])).toThrow(/cannot publish the number NaN/);
  });
});
