/**
 * On the REAL data (../shared/data/raw through the simulator, three pipeline runs):
 * 1. "Nytt sedan förra uppdateringen": run A over a raw layer where Aneby's 2022 value of Kolada N11800 (barn i
 *    förskola) is missing and its 2020 value differs; run B over the original raw layer then reports the new year and
 *    the revision for that indicator and area — in the run report and in reports/0604.json.
 * 2. Every number quoted in every generated sentence of all 14 reports equals the published value it comes from, and
 *    every claim word agrees with the numbers (ökade/minskade with the sign, högre/lägre with the difference,
 *    "ingen säker förändring" and "rätt/fel håll" with the status); the lists and unmeasured sub-goals are recomputed.
 */
import {mkdtemp, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {csvParse} from "d3";
import {loadConfig} from "../../data-loaders/lib/config.js";
import {sha256} from "../../data-loaders/lib/raw-cache.js";
import {setQuiet} from "../../data-loaders/lib/log.js";
import {runPipeline} from "../../data-loaders/pipeline.js";
import {readPublishedCsv} from "../../data-loaders/publish/report.js";
import type {RunReport} from "../../data-loaders/report.js";
import {Catalogue, CountyStatusRow, SummaryRow} from "../../indicators/published.js";
import type {ReportFile} from "../../indicators/report/build.js";
import {CoverageRow} from "../../indicators/report/input.js";
import type {Sentence, SentenceRef} from "../../indicators/report/sentences.js";
import {changeUnit, decimalsFor, formatNumber} from "../../src/components/format.js";
import {startSim, type Sim} from "../helpers/api-sim.js";

setQuiet(true);

const KPI = "N11800";
const AREA = "0604";

/** Drop AREA's 2022 value of KPI and shift its 2020 value, in place, with the sidecar updated (a "source revision"). */
async function alterRaw(valuesDir: string): Promise<Map<string, Buffer>> {
  const originals = new Map<string, Buffer>();
  for (const name of await readdir(valuesDir)) {
    if (!name.endsWith(".json") || name.endsWith(".meta.json")) continue;
    const file = join(valuesDir, name);
    const body = await readFile(file);
    const doc = JSON.parse(body.toString("utf8")) as {count: number; values: {kpi: string; municipality: string; period: number; values: {value: number | null}[]}[]};
    if (!doc.values.some((v) => v.kpi === KPI && v.municipality === AREA)) continue;
    originals.set(file, body);
    doc.values = doc.values.filter((v) => !(v.kpi === KPI && v.municipality === AREA && v.period === 2022));
    for (const v of doc.values) if (v.kpi === KPI && v.municipality === AREA && v.period === 2020) for (const x of v.values) x.value = (x.value ?? 0) + 1;
    doc.count = doc.values.length;
    await writeRawWithSidecar(file, Buffer.from(JSON.stringify(doc)));
  }
  return originals;
}

async function writeRawWithSidecar(file: string, body: Buffer): Promise<void> {
  const metaPath = `${file}.meta.json`;
  const meta = JSON.parse(await readFile(metaPath, "utf8")) as {sha256: string; bytes: number};
  await writeFile(file, body);
  await writeFile(metaPath, JSON.stringify({...meta, sha256: sha256(body), bytes: body.length}, null, 2));
}

describe("follow-up reports on the real data", () => {
  let sim: Sim;
  let dir: string;
  let pub: string;
  let runB: RunReport;
  let reports: ReportFile[];
  let summary: SummaryRow[];
  let status: CountyStatusRow[];
  let coverage: CoverageRow[];
  let catalogue: Catalogue;

  beforeAll(async () => {
    sim = await startSim();
    dir = await mkdtemp(join(tmpdir(), "report-real-"));
    pub = join(dir, "pub");
    const config = loadConfig({koladaBase: sim.kolada, scbBase: sim.scb, dataDir: join(dir, "data"), publishDir: pub});
    const base = {scope: "county" as const, refresh: false, only: [], config};
    await runPipeline({...base, command: "fetch", offline: false});
    const originals = await alterRaw(join(dir, "data", "raw", "kolada", "values"));
    expect(originals.size).toBeGreaterThan(0);
    await runPipeline({...base, command: "all", offline: true});
    for (const [file, body] of originals) await writeRawWithSidecar(file, body);
    runB = await runPipeline({...base, command: "all", offline: true});
    catalogue = Catalogue.parse(JSON.parse(await readFile(join(pub, "catalogue.json"), "utf8")));
    summary = await readPublishedCsv(join(pub, "summary.csv"), SummaryRow);
    status = await readPublishedCsv(join(pub, "county-status.csv"), CountyStatusRow);
    coverage = await readPublishedCsv(join(pub, "coverage.csv"), CoverageRow);
    const codes = ["0006", ...catalogue.areas.filter((a) => a.level === "municipality" && a.parent_code === "0006").map((a) => a.code)];
    reports = await Promise.all(codes.map(async (c) => JSON.parse(await readFile(join(pub, "reports", `${c}.json`), "utf8")) as ReportFile));
  }, 300_000);
  afterAll(async () => {
    await sim?.stop();
    if (dir) await rm(dir, {recursive: true, force: true});
  });

  it("'Nytt sedan förra uppdateringen': the second run reports the new year and the revised value, apart", async () => {
    const changes = runB.indicator_changes!.filter((c) => c.indicator_id === "barn-i-forskola");
    expect(changes).toEqual([{indicator_id: "barn-i-forskola", kind: "municipal", area_code: AREA, new_years: [2022], revised_years: [2020], n_revised: 1}]);
    // Nothing else changed between the two runs.
    expect(runB.indicator_changes!.filter((c) => c.indicator_id !== "barn-i-forskola")).toEqual([]);
    // the staged data changed, so the compute stages ran again instead of copying the last run's tables
    expect(runB.reused_stages).toBeUndefined();
    const aneby = reports.find((r) => r.area_code === AREA)!;
    expect(aneby.news!.new_years.map((n) => [n.indicator_id, n.years])).toEqual([["barn-i-forskola", [2022]]]);
    expect(aneby.news!.revised.map((n) => [n.indicator_id, n.years, n.n_revised])).toEqual([["barn-i-forskola", [2020], 1]]);
    expect(reports.find((r) => r.area_code === "0680")!.news).toEqual({previous_retrieved: aneby.news!.previous_retrieved, new_years: [], revised: []});
  });

  it("14 reports: the county and its 13 municipalities, each goal area with 2–3 sentences", () => {
    expect(reports).toHaveLength(14);
    for (const r of reports) for (const g of r.goals) {
      expect(g.sentences.length, `${r.area_code} ${g.goal_area}`).toBeGreaterThanOrEqual(1);
      expect(g.sentences.length).toBeLessThanOrEqual(3);
    }
  });

  const key = (r: {indicator_id: string; area_code: string; sex: string; group: string}) => `${r.indicator_id}|${r.area_code}|${r.sex}|${r.group}`;

  it("every number in every sentence equals the published value; every claim word agrees with the numbers", () => {
    const byKey = new Map(summary.map((s) => [key(s), s]));
    const unitOf = new Map(catalogue.indicators.map((i) => [i.id, i.unit]));
    const fmt = (ref: SentenceRef): string => {
      const row = byKey.get(key(ref))!;
      const v = row[ref.column] as number;
      const unit = unitOf.get(ref.indicator_id)!;
      const u = ref.group === "gap" || String(ref.column).startsWith("diff_") || ref.column === "trend_slope_per_year" ? changeUnit(unit) : unit;
      const d = ref.column === "trend_t" ? 1 : decimalsFor(u);
      return formatNumber(ref.abs ? Math.abs(v) : v, d);
    };
    let checked = 0;
    const all: {r: ReportFile; s: Sentence}[] = reports.flatMap((r) => [
      ...r.goals.flatMap((g) => g.sentences.map((s) => ({r, s}))),
      ...r.attention.map((a) => ({r, s: a.sentence})),
      ...r.improving.map((a) => ({r, s: a.sentence}))
    ]);
    for (const {r, s} of all) {
      const where = `${r.area_code} ${s.kind}: ${s.text}`;
      let rest = s.text;
      for (const ref of s.refs) {
        if (ref.column === "trend") continue;
        expect(byKey.has(key(ref)), where).toBe(true);
        const f = fmt(ref);
        expect(rest, where).toContain(f);
        rest = rest.replace(f, "");
      }
      // Left over: years, year spans, counts (checked below) — never another quoted value with a decimal comma.
      if (!["overview", "overview_missing", "distribution", "goal_rank"].includes(s.kind)) {
        const titles = catalogue.indicators.map((i) => i.title_sv).sort((a, b) => b.length - a.length);
        for (const t of titles) rest = rest.replace(t, "");
        expect(rest.match(/\d+,\d+/g), where).toBeNull();
      }
      // Claim words.
      const head = s.refs.find((x) => x.group !== "gap" && x.column !== "trend");
      const row = head ? byKey.get(key(head)) : undefined;
      const [first, ...clauses] = s.text.split("; ");
      if (row && ["improving", "worsening", "no_clear_change", "insufficient_data", "not_applicable"].includes(s.kind)) {
        if (/ ökade från/.test(first!)) expect(row.since_change!, where).toBeGreaterThan(0);
        if (/ minskade från/.test(first!)) expect(row.since_change!, where).toBeLessThan(0);
        expect(/ingen säker förändring/.test(first!), where).toBe(row.since_status === "no_clear_change");
        expect(/en utveckling åt rätt håll/.test(first!), where).toBe(row.since_status === "improving");
        expect(/en utveckling åt fel håll/.test(first!), where).toBe(row.since_status === "worsening");
        if (/för få/.test(first!)) expect(row.since_status, where).toBe("insufficient_data");
        const tr = clauses.find((c) => c.startsWith("trenden"));
        if (tr) {
          expect(tr.includes(`${row.trend_from_year}–${row.trend_to_year}`), where).toBe(true);
          const want = {improving: "går åt rätt håll", worsening: "går åt fel håll", no_clear_change: "visar ingen säker förändring"}[row.trend as string];
          expect(tr, where).toContain(want);
        }
        const gapClause = clauses.find((c) => c.startsWith("skillnaden"));
        const gapRef = s.refs.find((x) => x.group === "gap");
        if (gapClause && gapRef) {
          const g = byKey.get(key(gapRef))!;
          if (/minskade/.test(gapClause)) expect(Math.abs(g.since_to_value!), where).toBeLessThan(Math.abs(g.since_from_value!));
          if (/ökade/.test(gapClause)) expect(Math.abs(g.since_to_value!), where).toBeGreaterThan(Math.abs(g.since_from_value!));
          expect(/ingen säker förändring/.test(gapClause), where).toBe(g.since_status === "no_clear_change");
        }
      }
      if (row && s.kind === "comparison") {
        for (const part of s.text.split(/ och (?=[\d\u2212]|lika)/)) {
          const diff = /rikets/.test(part) ? row.diff_vs_sweden! : row.diff_vs_county!;
          if (/högre än/.test(part)) expect(diff, where).toBeGreaterThan(0);
          if (/lägre än/.test(part)) expect(diff, where).toBeLessThan(0);
        }
        expect(/medianen av länets/.test(s.text), where).toBe(row.county_comparator === "municipal_median");
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });

  it("overview counts equal the statuses; the county's distribution equals county-status.csv", () => {
    const byKey = new Map(summary.map((s) => [key(s), s]));
    for (const r of reports) for (const g of r.goals) {
      const inds = catalogue.indicators.filter((i) => i.goal_area === g.goal_area && i.kind === "goal");
      const trends = inds.map((i) => byKey.get(key({indicator_id: i.id, area_code: r.area_code, sex: i.sexes.includes("T") ? "T" : i.sexes[0]!, group: i.groups[0]!})));
      const n = (t: string) => trends.filter((x) => x && x.latest_value !== null && x.trend === t).length;
      const text = g.sentences[0]!.text;
      const said = (words: string) => /enda indikator/.test(text) ? (new RegExp(`indikator (går|visar) ${words}`).test(text) ? 1 : 0) : Number(new RegExp(`(?:går|visar)? ?(\\d+) (?:går |visar )?${words}`).exec(text)?.[1] ?? 0);
      expect(said("åt rätt håll"), `${r.area_code} ${text}`).toBe(n("improving"));
      expect(said("åt fel håll"), text).toBe(n("worsening"));
      expect(said("ingen säker förändring"), text).toBe(n("no_clear_change"));
      expect(/områdets (\d+|enda)/i.exec(text)?.[1], text).toBe(inds.length === 1 ? "enda" : String(inds.length));
      const dist = g.sentences.find((s) => s.kind === "distribution");
      if (dist) {
        const row = r.goals.find((x) => x.goal_area === g.goal_area)!.rows.find((x) => dist.text.startsWith(`${x.indicator_title}:`))!;
        const cs = status.find((c) => c.indicator_id === row.indicator_id && c.sex === row.sex && c.group === row.group)!;
        expect(dist.text).toContain(`av länets ${cs.n_municipalities} kommun`);
        if (cs.n_improving) expect(dist.text).toContain(`rätt håll i ${cs.n_improving}`);
        if (cs.n_worsening) expect(dist.text).toContain(`fel håll i ${cs.n_worsening}`);
      }
    }
  });

  it("'Behöver uppmärksamhet' and 'Går åt rätt håll' recomputed from summary.csv", () => {
    const worse = (d: string, a: number, b: number, t: number | null) =>
      d === "higher_is_better" ? a < b : d === "lower_is_better" ? a > b : d === "target" && t !== null ? Math.abs(a - t) > Math.abs(b - t) : false;
    for (const r of reports) {
      const isCounty = r.area_code === "0006";
      const want: string[] = [];
      const imp: SummaryRow[] = [];
      for (const ind of catalogue.indicators.filter((i) => i.kind === "goal")) {
        const sex = ind.sexes.includes("T") ? "T" : ind.sexes[0]!;
        for (const group of [ind.groups[0]!, ...(ind.groups.includes("gap") ? ["gap" as const] : [])]) {
          const s = summary.find((x) => x.indicator_id === ind.id && x.area_code === r.area_code && x.sex === sex && x.group === group);
          if (!s || s.latest_value === null) continue;
          const cmp = isCounty ? s.sweden_value : s.county_comparator === "none" ? null : s.county_value;
          if (s.trend === "worsening" && cmp !== null && worse(s.direction, s.latest_value, cmp, s.target_value)) want.push(key(s));
          else if (s.trend === "improving") imp.push(s);
        }
      }
      expect(r.attention.map((a) => key(a)).sort(), r.area_code).toEqual(want.sort());
      expect(r.improving.map((a) => key(a)).sort()).toEqual(imp.map(key).sort());
      const ts = r.improving.map((a) => Math.abs(a.trend_t ?? 0));
      expect(ts).toEqual([...ts].sort((a, b) => b - a));
    }
  });

  it("unmeasured sub-goals per area equal the coverage matrix", () => {
    for (const r of reports) for (const g of r.goals) {
      const want = coverage.filter((c) => c.goal_area === g.goal_area && c.indicator_id === "").map((c) => [c.subgoal_id, c.note]);
      expect(g.unmeasured.map((u) => [u.subgoal_id, u.reason]), `${r.area_code} ${g.goal_area}`).toEqual(want);
      expect(want.every(([, note]) => note!.length > 20)).toBe(true);
    }
  });

  it("the report CSV holds exactly the report's table rows, with unit, source and retrieval date on every row", async () => {
    for (const r of reports) {
      const rows = csvParse(await readFile(join(pub, r.files.csv), "utf8"));
      const table = r.goals.flatMap((g) => g.rows);
      expect(rows.length).toBe(table.length);
      for (const [i, row] of rows.entries()) {
        expect(row.indicator_id).toBe(table[i]!.indicator_id);
        expect(row.latest_value === "" ? null : Number(row.latest_value)).toBe(table[i]!.latest_value);
        expect(row.unit && row.source && row.retrieved, `${r.area_code} row ${i}`).toBeTruthy();
      }
      const excel = await readFile(join(pub, r.files.excel_csv), "utf8");
      expect(excel.startsWith("\uFEFFreport_area_code;")).toBe(true);
    }
  });
});
