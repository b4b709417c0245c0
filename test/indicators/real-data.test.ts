/**
 * On the REAL data (../shared/data/raw, served by the simulator over HTTP): the published values of
 * every plain (non-derived) indicator equal the Kolada values for every area, year and sex — all rows,
 * both ways — and every gap equals the difference of its two inputs. The method (issue 8): every published
 * improving/worsening row agrees with the slope and interval recomputed here in plain TypeScript; every card's
 * badge and the figure beside it name the same window; the county has a status for every goal indicator with
 * municipal values; the period assessment exists wherever the period has values, elections as changes; ranks
 * are of one year.
 */
import {readFile} from "node:fs/promises";
import {T_975} from "../../indicators/compute.js";
import {parseCountyStatusCsv, parseSummaryCsv, parseTidyCsv} from "../../src/components/csv.js";
import {trendFigure} from "../../src/components/assessment.js";
import {windowText} from "../../src/components/statusBadge.js";
import type {Catalogue, SummaryRow, TidyRow} from "../../indicators/published.js";
import {fitLine, tQuantile975} from "../helpers/trend.js";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {loadConfig, PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {listValue} from "@duckdb/node-api";
import {openDb, query} from "../../data-loaders/lib/duckdb.js";
import {setQuiet} from "../../data-loaders/lib/log.js";
import {runPipeline} from "../../data-loaders/pipeline.js";
import {INDICATORS} from "../../indicators/index.js";
import {templateName} from "../../indicators/sql/index.js";
import {startSim, type Sim} from "../helpers/api-sim.js";

setQuiet(true);
const SHARED_CSV = join(PROJECT_ROOT, "..", "shared", "data", "raw", "kolada-ddf-dump", "kolada_jonkoping_lan_integration_long.csv");

/** Which published group comes from which KPI, per indicator (from its template and params). */
function inputsByGroup(): {indicator_id: string; group: string; kpi: string; election: boolean}[] {
  const out = [];
  for (const ind of INDICATORS) {
    const t = templateName(ind.sql);
    const p = ind.params as Record<string, string>;
    const election = t?.startsWith("kolada_election") ?? false;
    if (t === "kolada_single" || t === "kolada_election_single") out.push({indicator_id: ind.id, group: p.group!, kpi: p.kpi!, election});
    else if (t === "kolada_two_groups") {
      out.push({indicator_id: ind.id, group: p.group_a!, kpi: p.kpi_a!, election});
      out.push({indicator_id: ind.id, group: p.group_b!, kpi: p.kpi_b!, election});
    } else if (t === "kolada_gap" || t === "kolada_election_gap") {
      out.push({indicator_id: ind.id, group: "foreign_born", kpi: p.kpi_foreign!, election});
      out.push({indicator_id: ind.id, group: p.comparison_group!, kpi: p.kpi_comparison!, election});
    } else throw new Error(`${ind.id}: unknown SQL template; extend this test`);
  }
  return out;
}

describe("published indicators on the real data", () => {
  let sim: Sim;
  let dir: string;
  let pub: string;
  beforeAll(async () => {
    sim = await startSim();
    dir = await mkdtemp(join(tmpdir(), "real-data-"));
    pub = join(dir, "pub");
    const config = loadConfig({koladaBase: sim.kolada, scbBase: sim.scb, dataDir: join(dir, "data"), publishDir: pub});
    await runPipeline({command: "all", scope: "county", offline: false, refresh: false, only: [], config});
  });
  afterAll(async () => {
    await sim.stop();
    await rm(dir, {recursive: true, force: true});
  });

  it("plain values equal the Kolada values for every area, year and sex; gaps equal the difference", async () => {
    const db = await openDb();
    const c = db.conn;
    const files = INDICATORS.map((i) => join(pub, "indicators", `${i.id}.csv`));
    await c.run(
      `create table pub as select * from read_csv($files, header = true, union_by_name = true,
         types = {'area_code': 'VARCHAR', 'year': 'INTEGER', 'value': 'DOUBLE', 'sex': 'VARCHAR', 'group': 'VARCHAR', 'status': 'VARCHAR'})`,
      {files: listValue(files)}
    );
    await c.run(
      `create table shared as select kpi, kolada_id as area_code, year, gender as sex, value
         from read_csv($path, header = true, types = {'kolada_id': 'VARCHAR', 'year': 'INTEGER', 'value': 'DOUBLE'})`,
      {path: SHARED_CSV}
    );
    await c.run(`create table map (indicator_id VARCHAR, "group" VARCHAR, kpi VARCHAR, election BOOLEAN)`);
    const app = await c.createAppender("map");
    for (const m of inputsByGroup()) {
      app.appendVarchar(m.indicator_id);
      app.appendVarchar(m.group);
      app.appendVarchar(m.kpi);
      app.appendBoolean(m.election);
      app.endRow();
    }
    app.closeSync();

    const [counts] = await query<{published: number; expected: number; missing: number; extra: number; differ: number}>(
      c,
      `with published as (
         select p.indicator_id, p."group", p.area_code, p.year, p.sex, p.value
         from pub p join map m using (indicator_id, "group")
         where p.value is not null
       ),
       expected as (
         select m.indicator_id, m."group", s.area_code, s.year, s.sex, s.value
         from map m join shared s using (kpi)
         where not m.election or s.year % 4 = 2
       ),
       joined as (
         select e.value as e, p.value as p
         from expected e full outer join published p using (indicator_id, "group", area_code, year, sex)
       )
       select (select count(*) from published)::INTEGER as published,
              (select count(*) from expected)::INTEGER as expected,
              count(*) filter (where p is null)::INTEGER as missing,
              count(*) filter (where e is null)::INTEGER as extra,
              count(*) filter (where p <> e)::INTEGER as differ
         from joined`
    );
    expect(counts!.expected).toBeGreaterThan(10_000);
    expect(counts).toEqual({published: counts!.expected, expected: counts!.expected, missing: 0, extra: 0, differ: 0});

    const [gaps] = await query<{n: number; bad: number; missing_ok: number}>(
      c,
      `with g as (select * from pub where "group" = 'gap'),
       ind as (select distinct indicator_id, "group" as cmp from map where "group" in ('all', 'born_in_sweden')),
       j as (
         select g.value as gap, f.value as f, k.value as k
         from g join ind using (indicator_id)
         left join pub f on f.indicator_id = g.indicator_id and f.area_code = g.area_code and f.year = g.year and f.sex = g.sex and f."group" = 'foreign_born'
         left join pub k on k.indicator_id = g.indicator_id and k.area_code = g.area_code and k.year = g.year and k.sex = g.sex and k."group" = ind.cmp
       )
       select count(*)::INTEGER as n,
              count(*) filter (where gap is not null and abs(gap - (f - k)) > 1e-9)::INTEGER as bad,
              count(*) filter (where gap is null and (f is null or k is null))::INTEGER as missing_ok
         from j
        where gap is not null or f is null or k is null`
    );
    expect(gaps!.n).toBeGreaterThan(100);
    expect(gaps!.bad).toBe(0);
    const [nullGaps] = await query<{n: number}>(c, `select count(*)::INTEGER as n from pub where "group" = 'gap' and value is null and status <> 'missing'`);
    expect(nullGaps!.n).toBe(0);
    db.close();
  });

  describe("the method on the real data", () => {
    let summary: SummaryRow[];
    let tidy: Map<string, TidyRow[]>;
    let cat: Catalogue;
    beforeAll(async () => {
      summary = parseSummaryCsv(await readFile(join(pub, "summary.csv"), "utf8"));
      cat = JSON.parse(await readFile(join(pub, "catalogue.json"), "utf8")) as Catalogue;
      tidy = new Map();
      for (const ind of INDICATORS) {
        for (const r of parseTidyCsv(await readFile(join(pub, "indicators", `${ind.id}.csv`), "utf8"), ind.id)) {
          const k = `${r.indicator_id}|${r.area_code}|${r.sex}|${r.group}`;
          tidy.set(k, [...(tidy.get(k) ?? []), r]);
        }
      }
    });
    const seriesOf = (s: SummaryRow) => (tidy.get(`${s.indicator_id}|${s.area_code}|${s.sex}|${s.group}`) ?? []).filter((r) => r.value !== null);
    const meta = (id: string) => INDICATORS.find((i) => i.id === id)!;

    it("the t table in the code equals t(0.975; df) integrated from the t density, df 2..30", () => {
      for (let df = 2; df <= 30; df++) expect(T_975[df - 2]!, `df ${df}`).toBeCloseTo(tQuantile975(df), 4);
    });

    it("every improving/worsening row agrees with the slope and 95 % interval recomputed in TypeScript", () => {
      const judged = summary.filter((s) => s.trend === "improving" || s.trend === "worsening");
      expect(judged.length).toBeGreaterThan(50);
      for (const s of judged) {
        const where = `${s.indicator_id} ${s.area_code} ${s.sex} ${s.group}`;
        const p = meta(s.indicator_id).period_years;
        const pts = seriesOf(s).filter((r) => r.year >= s.trend_from_year! && r.year <= s.trend_to_year! && (s.trend_to_year! - r.year) % p === 0);
        expect(pts.length, where).toBe(s.trend_points);
        const y = (v: number) => (s.direction === "target" ? Math.abs(v - s.target_value!) : v);
        const fit = fitLine(pts.map((r) => [r.year, y(r.value!)]));
        const q = tQuantile975(fit.n - 2);
        expect(s.trend_slope_per_year!, where).toBeCloseTo(fit.slope, 5);
        expect(s.trend_slope_ci_low!, where).toBeCloseTo(fit.slope - q * fit.se, 4);
        expect(s.trend_slope_ci_high!, where).toBeCloseTo(fit.slope + q * fit.se, 4);
        // distinguishable from zero: the interval excludes 0
        expect(fit.se === 0 || Math.abs(fit.slope / fit.se) >= q, where).toBe(true);
        // and in the direction the status says, by at least the threshold
        const progress = (s.direction === "higher_is_better" ? 1 : -1) * fit.slope;
        const threshold = s.direction === "target" ? (s.target_value === 0 ? 0.25 : 0.005 * Math.abs(s.target_value!)) : 0.005 * Math.abs(fit.mean);
        if (s.trend === "improving") expect(progress, where).toBeGreaterThanOrEqual(threshold - 1e-9);
        else expect(-progress, where).toBeGreaterThanOrEqual(threshold - 1e-9);
      }
    });

    it("rows with a slope whose interval includes 0 never say improving or worsening", () => {
      const unsure = summary.filter((s) => s.trend_slope_ci_low !== null && s.trend_slope_ci_low < 0 && s.trend_slope_ci_high! > 0);
      expect(unsure.length).toBeGreaterThan(50);
      for (const s of unsure) expect(["no_clear_change", "not_applicable"], s.indicator_id).toContain(s.trend);
    });

    it("every card's badge and the figure beside it refer to the same window", () => {
      // statusLine (src/components/indicatorCard.ts) sets the badge's window from trend_from_year..trend_to_year and
      // prints trendFigure(row) beside it; the browser test checks the same pairing on the built pages.
      let checked = 0;
      for (const s of summary.filter((r) => r.area_level !== "country")) {
        const ind = cat.indicators.find((i) => i.id === s.indicator_id)!;
        if (ind.kind !== "goal") continue;
        const figure = trendFigure(s, ind.unit);
        const win = windowText(s.trend_from_year, s.trend_to_year);
        if (win) expect(figure, s.indicator_id).toContain(win);
        // no other span of years beside the badge (e.g. "sedan 2015")
        for (const m of figure.matchAll(/\b\d{4}(?:–\d{4})?\b/g)) expect(m[0], `${s.indicator_id}: ${figure}`).toBe(win);
        checked++;
      }
      expect(checked).toBeGreaterThan(500);
    });

    it("county-status has a row for every goal indicator × sex × group with municipal values, counts adding up", async () => {
      const county = parseCountyStatusCsv(await readFile(join(pub, "county-status.csv"), "utf8"));
      const goal = new Set(cat.indicators.filter((i) => i.kind === "goal").map((i) => i.id));
      const want = new Set(summary.filter((s) => goal.has(s.indicator_id) && s.area_level === "municipality" && s.latest_value !== null)
        .map((s) => `${s.indicator_id}|${s.sex}|${s.group}`));
      expect(new Set(county.map((c) => `${c.indicator_id}|${c.sex}|${c.group}`))).toEqual(want);
      for (const c of county) {
        expect(c.n_improving + c.n_worsening + c.n_no_clear_change + c.n_insufficient_data, c.indicator_id).toBe(c.n_municipalities);
        expect(c.median_n, c.indicator_id).toBeGreaterThan(0);
      }
      // the county view is never empty: Arbete och vuxenutbildning has statuses for the county
      expect(county.filter((c) => cat.indicators.find((i) => i.id === c.indicator_id)!.goal_area === "arbete-och-vuxenutbildning").length).toBeGreaterThan(10);
    });

    it("the period assessment exists wherever the period has values; elections compare 2014 and 2018 as a change", () => {
      for (const s of summary) {
        const ind = meta(s.indicator_id);
        const election = ind.sql.includes("series_all_years");
        const inPeriod = seriesOf(s).filter((r) => r.year >= (election ? 2014 : 2015) && r.year <= 2020);
        const where = `${s.indicator_id} ${s.area_code} ${s.sex} ${s.group}`;
        if (inPeriod.length === 0) {
          expect(s.period_from_year, where).toBeNull();
          continue;
        }
        expect(s.period_from_year, where).not.toBeNull();
        if (election) {
          expect(s.trend === "improving" || s.trend === "worsening" || s.period_status === "improving" || s.period_status === "worsening", where).toBe(false);
          if (inPeriod.some((r) => r.year === 2014) && inPeriod.some((r) => r.year === 2018)) {
            expect(s, where).toMatchObject({period_from_year: 2014, period_to_year: 2018, period_method: "elections"});
          }
        } else if (inPeriod.length >= 2) expect(["trend", "two_points"], where).toContain(s.period_method);
      }
      const lowest = summary.filter((s) => s.indicator_id === "valdeltagande-i-valdistriktet-med-lagst-deltagande" && s.area_level === "municipality");
      expect(lowest.length).toBe(13);
      for (const s of lowest) expect(s, s.area_code).toMatchObject({period_from_year: 2014, period_to_year: 2018, since_from_year: 2018, since_to_year: 2022, since_method: "elections"});
      // the RAMS gap covers the period up to its break (2019)
      const rams = summary.filter((s) => s.indicator_id === "forvarvsarbetande-utrikes-fodda-rams" && s.group === "gap" && s.area_level === "municipality" && s.sex === "T");
      for (const s of rams) expect(s, s.area_code).toMatchObject({period_from_year: 2015, period_to_year: 2018, period_method: "trend"});
    });

    it("ranks of an indicator × sex × group are of one year, N = municipalities with a value that year", () => {
      const groups = new Map<string, SummaryRow[]>();
      for (const s of summary.filter((r) => r.rank_year !== null)) {
        const k = `${s.indicator_id}|${s.sex}|${s.group}`;
        groups.set(k, [...(groups.get(k) ?? []), s]);
      }
      expect(groups.size).toBeGreaterThan(50);
      for (const [k, rows] of groups) {
        expect(new Set(rows.map((r) => r.rank_year)).size, k).toBe(1);
        const year = rows[0]!.rank_year!;
        const withValue = rows.filter((r) => seriesOf(r).some((t) => t.year === year));
        for (const r of rows) {
          expect(r.rank_of, k).toBe(withValue.length);
          expect(r.rank === null, `${k} ${r.area_code}`).toBe(!withValue.includes(r));
        }
      }
    });
  });
});
