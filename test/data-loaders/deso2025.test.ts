/**
 * SCB's DeSO/RegSO tables answer in the DeSO 2025 edition since 2024/25, our statistics are DeSO 2018 / RegSO 2020.
 * The simulator's real answers, re-coded to DeSO 2025 by a test helper (the eight split parts of four Jönköping DeSO
 * in place of their parents), must stage into the same DeSO 2018 cells and compute into the same RegSO values;
 * a median of a split DeSO cannot be rebuilt from its parts and becomes a marked missing value.
 */
import {readFile, mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {loadConfig} from "../../data-loaders/lib/config.js";
import {query} from "../../data-loaders/lib/duckdb.js";
import {createContext} from "../../data-loaders/lib/fetcher.js";
import {setQuiet} from "../../data-loaders/lib/log.js";
import {readRaw, writeRaw} from "../../data-loaders/lib/raw-cache.js";
import type {FetchedDataset} from "../../data-loaders/lib/types.js";
import {DESO_2025_KEY_FILE, parseDeso2025Key} from "../../data-loaders/reference/deso-2025-key.js";
import {fetchScb} from "../../data-loaders/scb/client.js";
import {stageScb} from "../../data-loaders/scb/stage.js";
import {SCB_TABLES} from "../../data-loaders/scb/tables/index.js";
import {computeAreas} from "../../indicators/omraden/compute.js";
import {startSim, type Sim} from "../helpers/api-sim.js";
import {freshDb} from "../helpers/db.js";
import {recodeSelection, recodeToDeso2025} from "../helpers/deso2025-recode.js";
const SHARED_RAW = join(import.meta.dirname, "..", "..", "..", "shared", "data", "raw");
const SPLIT_PARENTS = ["0680C1070", "0680C1160", "0680C1180", "0680C1200"];

async function stagedDb(datasets: FetchedDataset[]) {
  const db = await freshDb();
  await stageScb(db.conn, datasets);
  await computeAreas(db.conn);
  return db;
}

describe("SCB answers in the DeSO 2025 edition", () => {
  let sim: Sim;
  let dir: string;
  let datasets: FetchedDataset[];
  let before: Awaited<ReturnType<typeof stagedDb>>;
  let after: Awaited<ReturnType<typeof stagedDb>>;
  const recoded: {table: string; split: number}[] = [];

  beforeAll(async () => {
    setQuiet(true);
    sim = await startSim();
    dir = await mkdtemp(join(tmpdir(), "deso2025-"));
    datasets = await fetchScb(createContext(loadConfig({dataDir: dir, scbBase: sim.scb})));
    before = await stagedDb(datasets);
    const key = parseDeso2025Key(await readFile(join(SHARED_RAW, DESO_2025_KEY_FILE)), {source: "reference"});
    const partsOf = new Map<string, [string, string]>();
    for (const r of key.filter((k) => k.relation === "split_of_2018")) {
      const parts = partsOf.get(r.deso_2018);
      partsOf.set(r.deso_2018, parts ? [parts[0], r.deso_2025] : [r.deso_2025, ""]);
    }
    // Every data answer of a DeSO table, re-coded in the raw layer (body and sidecar rewritten together).
    for (const d of datasets.filter((x) => x.source === "scb")) {
      const table = SCB_TABLES.find((t) => `scb:${t.key}` === d.id)!;
      // the metadata's codelist and the data answer, and the query that selected the data, as SCB would give them
      for (const f of d.files.filter((x) => /\/(data|metadata)\b/.test(x.url))) {
        const raw = (await readRaw(f.file))!;
        const out = recodeToDeso2025(raw.body.toString("utf8"), partsOf, {divide: table.additive !== false});
        if (out.split === 0) continue;
        const {sha256: _s, bytes: _b, ...meta} = raw.meta;
        await writeRaw(f.file, Buffer.from(out.body, "utf8"), {...meta, ...(meta.query ? {query: recodeSelection(meta.query, partsOf)} : {})});
        if (/\/data\b/.test(f.url)) recoded.push({table: table.key, split: out.split});
      }
    }
    after = await stagedDb(datasets);
  });

  afterAll(async () => {
    before?.close();
    after?.close();
    await sim?.stop();
    await rm(dir, {recursive: true, force: true});
    setQuiet(false);
  });

  it("re-codes every DeSO table's answer: four parents replaced by their eight parts", async () => {
    expect(recoded.map((r) => r.table).sort()).toEqual(
      SCB_TABLES.filter((t) => t.key.startsWith("deso_") || t.key === "dwellings_tenure").map((t) => t.key).sort()
    );
    expect(recoded.every((r) => r.split === 4)).toBe(true);
    const f = datasets.find((d) => d.id === "scb:deso_population_background")!.files.find((x) => /\/data\b/.test(x.url))!;
    const body = JSON.parse((await readRaw(f.file))!.body.toString("utf8")) as {dimension: {Region: {category: {index: Record<string, number>}}}};
    const codes = Object.keys(body.dimension.Region.category.index);
    expect(codes).toContain("0680C1071");
    expect(codes).toContain("0680C1072");
    expect(codes.filter((c) => SPLIT_PARENTS.includes(c))).toEqual([]);
    expect(codes).toHaveLength(213);
  });

  it("stages the counts into the same DeSO 2018 cells, every table", async () => {
    for (const t of SCB_TABLES.filter((x) => x.additive !== false)) {
      const sql = `select * from stg_scb__${t.key} order by all`;
      const [a, b] = [await query(before.conn, sql), await query(after.conn, sql)];
      expect(b.length, t.key).toBeGreaterThan(0);
      expect(b, t.key).toEqual(a);
    }
  });

  it("computes the same RegSO values, comparisons and pooled values from the re-coded answers", async () => {
    for (const table of ["mart_area_values", "mart_area_aggregates", "mart_area_comparisons"]) {
      const sql = `select * from ${table} where indicator_id not in (select indicator_id from mart_area_indicators where level = 'deso') order by all`;
      const [a, b] = [await query(before.conn, sql), await query(after.conn, sql)];
      expect(a.length, table).toBeGreaterThan(100);
      expect(b, table).toEqual(a);
    }
    const jonkoping = `select value from mart_area_values where area_code = '0680R014' order by all`;
    expect(await query(after.conn, jonkoping)).toEqual(await query(before.conn, jonkoping));
  });

  it("gives a split DeSO's median no value, marked, and leaves every other DeSO's median as it was", async () => {
    const sql = `select region_code, year, median_income_tkr as value, status from stg_scb__deso_median_income order by all`;
    const [a, b] = [await query<{region_code: string; value: number | null; status: string | null}>(before.conn, sql), await query<{region_code: string; value: number | null; status: string | null}>(after.conn, sql)];
    expect(b).toHaveLength(a.length);
    const changed = b.filter((r, i) => JSON.stringify(r) !== JSON.stringify(a[i]));
    expect([...new Set(changed.map((r) => r.region_code))].sort()).toEqual(SPLIT_PARENTS);
    expect(changed.every((r) => r.value === null && r.status === "deso2025_split")).toBe(true);
  });
});
