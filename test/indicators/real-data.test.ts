/**
 * On the REAL data (../shared/data/raw, served by the simulator over HTTP): the published values of
 * every plain (non-derived) indicator equal the Kolada values for every area, year and sex — all rows,
 * both ways — and every gap equals the difference of its two inputs.
 */
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
});
