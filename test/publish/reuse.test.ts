/**
 * Reuse of unchanged tidy files (publish/reuse.ts) on the invented engine fixtures: a second publish of the same data
 * copies every indicator's files, byte for byte; a changed value writes that indicator's files again and copies the
 * others; a file touched since it was written is never copied; the manifest survives the warehouse.
 */
import {readFile, readdir, rm, mkdtemp, utimes, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParse} from "d3";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {publishIndicators, type PublishOptions, type PublishReport} from "../../data-loaders/publish/index.js";
import {readPreviousManifest, writeTidyManifest, type PreviousTidy} from "../../data-loaders/publish/reuse.js";
import {computeIndicators} from "../../indicators/compute.js";
import {freshDb} from "../helpers/db.js";
import {TEST_GOALS, TEST_OVERALL_GOAL, TEST_VISION} from "../fixtures/indicators/goals.js";
import {TEST_INDICATORS} from "../fixtures/indicators/index.js";
import {loadEngineStaging} from "../fixtures/staging-engine/load.js";

let db: Awaited<ReturnType<typeof freshDb>>;
let root: string;
const ids = TEST_INDICATORS.map((i) => i.id).sort();
const options = (dir: string, previous?: PreviousTidy): PublishOptions => ({
  outDir: dir,
  indicators: TEST_INDICATORS,
  goals: TEST_GOALS,
  vision: TEST_VISION,
  overallGoal: TEST_OVERALL_GOAL,
  scope: "county",
  generatedAt: "2026-11-25T06:00:00Z",
  bulkZip: false,
  previous
});
const previousOf = (dir: string, r: PublishReport): PreviousTidy => ({dir, files: r.tidy_manifest});
const tidyFiles = async (dir: string) => {
  const names = (await readdir(join(dir, "indicators"))).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, "indicators", n))] as const)));
};
let n = 0;
const publish = async (previous?: PreviousTidy) => {
  const dir = join(root, `run-${n++}`);
  return {dir, report: await publishIndicators(db.conn, options(dir, previous))};
};

beforeAll(async () => {
  db = await freshDb();
  await loadEngineStaging(db.conn);
  await computeIndicators(db.conn, TEST_INDICATORS, {scope: "county"});
  root = await mkdtemp(join(tmpdir(), "reuse-"));
});

afterAll(async () => {
  db.close();
  await rm(root, {recursive: true, force: true});
});

describe("tidy files of unchanged indicators", () => {
  it("are copied byte for byte by a second publish of the same data, and written by the first", async () => {
    const first = await publish();
    expect(first.report.tidy_reused).toEqual([]);
    expect(new Set(first.report.tidy_manifest.map((f) => f.indicator_id))).toEqual(new Set(ids));
    expect(first.report.tidy_manifest).toHaveLength(ids.length * 3);
    const second = await publish(previousOf(first.dir, first.report));
    expect(second.report.tidy_reused).toEqual(ids);
    expect(await tidyFiles(second.dir)).toEqual(await tidyFiles(first.dir));
    // the same fingerprints: the third run may copy from the second
    expect(second.report.tidy_manifest.map((f) => f.fingerprint)).toEqual(first.report.tidy_manifest.map((f) => f.fingerprint));
  });

  it("a changed value writes that indicator's files again, as a publish without reuse writes them, and copies the others", async () => {
    const before = await publish();
    await db.conn.run(`UPDATE mart_indicator_values SET value = value + 1 WHERE indicator_id = 'test-overcrowding' AND area_code = '0604' AND value IS NOT NULL`);
    try {
      const after = await publish(previousOf(before.dir, before.report));
      expect(after.report.tidy_reused).toEqual(ids.filter((id) => id !== "test-overcrowding"));
      const fresh = await publish();
      expect(await tidyFiles(after.dir)).toEqual(await tidyFiles(fresh.dir));
      const was = csvParse(await readFile(join(before.dir, "indicators/test-overcrowding.csv"), "utf8")).find((r) => r.area_code === "0604" && r.value !== "");
      const now = csvParse(await readFile(join(after.dir, "indicators/test-overcrowding.csv"), "utf8")).find((r) => r.area_code === "0604" && r.year === was!.year && r.sex === was!.sex);
      expect(Number(now!.value)).toBeCloseTo(Number(was!.value) + 1, 9);
    } finally {
      await db.conn.run(`UPDATE mart_indicator_values SET value = value - 1 WHERE indicator_id = 'test-overcrowding' AND area_code = '0604' AND value IS NOT NULL`);
    }
  });

  it("a file changed or touched since the previous run wrote it is not copied: its indicator is written again", async () => {
    const first = await publish();
    const csv = join(first.dir, "indicators/test-employment-gap.csv");
    const text = await readFile(csv, "utf8");
    // same size, other content and mtime: a hand edit
    await writeFile(csv, text.replace("Riket", "RIKET"));
    const excel = join(first.dir, "indicators/test-overcrowding.excel.csv");
    await utimes(excel, new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:00Z"));
    const second = await publish(previousOf(first.dir, first.report));
    expect(second.report.tidy_reused).toEqual(ids.filter((id) => id !== "test-employment-gap" && id !== "test-overcrowding"));
    expect(await readFile(join(second.dir, "indicators/test-employment-gap.csv"), "utf8")).toBe(text);
  });

  it("the manifest recorded in a warehouse reads back the same (the next run finds it as prev)", async () => {
    const first = await publish();
    const other = await freshDb({schema: false});
    const file = join(root, "manifest.duckdb");
    try {
      await other.conn.run(`ATTACH '${file}' AS w`);
      await other.conn.run("USE w");
      await writeTidyManifest(other.conn, first.report.tidy_manifest);
      await other.conn.run("USE memory");
      await other.conn.run("DETACH w");
      await other.conn.run(`ATTACH '${file}' AS prev (READ_ONLY)`);
      const back = await readPreviousManifest(other.conn, file);
      const byKey = (a: {indicator_id: string; path: string}, b: {indicator_id: string; path: string}) => (`${a.indicator_id} ${a.path}` < `${b.indicator_id} ${b.path}` ? -1 : 1);
      expect(back).toEqual([...first.report.tidy_manifest].sort(byKey));
    } finally {
      other.close();
    }
  });
});
