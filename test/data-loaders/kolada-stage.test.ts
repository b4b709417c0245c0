// Staging on INVENTED fixtures (test/fixtures/kolada), written to a temp raw layer with sidecars.
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {query} from "../../data-loaders/lib/duckdb.js";
import {rawPath, writeRaw} from "../../data-loaders/lib/raw-cache.js";
import type {FetchedDataset} from "../../data-loaders/lib/types.js";
import {KOLADA_LICENCE, KOLADA_PUBLISHER} from "../../data-loaders/kolada/client.js";
import {stageKolada} from "../../data-loaders/kolada/stage.js";
import {freshDb} from "../helpers/db.js";

const FIXTURES = join(PROJECT_ROOT, "test", "fixtures", "kolada");
let dir: string;
let datasets: FetchedDataset[];

/** Put a fixture into the raw layer as if it had been fetched. */
async function raw(id: string, fixture: string): Promise<FetchedDataset> {
  const dataset = id.split(":")[1]!;
  const file = rawPath(dir, "kolada", dataset, `${fixture}`);
  const url = `http://127.0.0.1:1/kolada/v3/${dataset}?per_page=5000`;
  const meta = await writeRaw(file, await readFile(join(FIXTURES, fixture)), {
    source: "kolada", dataset: id, url, method: "GET", http_status: 200, content_type: "application/json",
    fetched_at: "2026-01-01T00:00:00.000Z", publisher: KOLADA_PUBLISHER, licence: KOLADA_LICENCE, attempts: 1
  });
  const ref = {file, url, fetched_at: meta.fetched_at, sha256: meta.sha256, publisher: meta.publisher, licence: meta.licence, reused: false};
  return {id, source: "kolada", files: [ref], rows: 0};
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kolada-stage-"));
  datasets = [await raw("kolada:values", "data-page.json"), await raw("kolada:kpi", "kpi-page.json"), await raw("kolada:municipality", "municipality-page.json")];
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe("stageKolada (fixtures)", () => {
  it("stages values: deleted dropped, missing as NULL with status 'missing', empty status → NULL", async () => {
    const db = await freshDb();
    await stageKolada(db.conn, datasets, {scope: "county"});
    const rows = await query(db.conn, "select * from stg_kolada__values order by kpi, area_code, year, gender");
    expect(rows).toEqual([
      {kpi: "X00001", area_code: "0680", year: 2021, gender: "K", value: 10.5, status: null},
      {kpi: "X00001", area_code: "0680", year: 2021, gender: "M", value: 20.25, status: null},
      {kpi: "X00001", area_code: "0680", year: 2021, gender: "T", value: 15, status: null},
      {kpi: "X00001", area_code: "0680", year: 2022, gender: "M", value: 12, status: "Preliminär"},
      {kpi: "X00001", area_code: "0680", year: 2022, gender: "T", value: null, status: "missing"},
      {kpi: "X00002", area_code: "0000", year: 2022, gender: "T", value: 1234, status: null}
    ]);
    db.close();
  });

  it("stages KPI metadata with unit and source agency derived from title and description", async () => {
    const db = await freshDb();
    await stageKolada(db.conn, datasets, {scope: "county"});
    const rows = await query(db.conn, "select kpi, unit, source_agency, is_divided_by_gender, publ_period, auspice from stg_kolada__kpis order by kpi");
    expect(rows).toEqual([
      {kpi: "X00001", unit: "percent", source_agency: "SCB", is_divided_by_gender: true, publ_period: "2023", auspice: "X"},
      {kpi: "X00002", unit: "count", source_agency: null, is_divided_by_gender: false, publ_period: null, auspice: null},
      {kpi: "X00003", unit: "sek", source_agency: "Folkhälsomyndigheten (HLV)", is_divided_by_gender: false, publ_period: "2023", auspice: "E"},
      {kpi: "X00004", unit: "per_100000", source_agency: "Skolverket", is_divided_by_gender: false, publ_period: null, auspice: null},
      {kpi: "X00005", unit: "ratio", source_agency: null, is_divided_by_gender: null, publ_period: null, auspice: null},
      {kpi: "X00006", unit: "per_1000", source_agency: null, is_divided_by_gender: false, publ_period: null, auspice: null}
    ]);
    db.close();
  });

  it("stages the scope's areas with levels, short names and parents", async () => {
    const db = await freshDb();
    await stageKolada(db.conn, datasets, {scope: "county"});
    const cols = "area_code, name, short_name, level, parent_code, municipality_code, county_code, area_type";
    expect(await query(db.conn, `select ${cols} from stg_areas order by area_code`)).toEqual([
      {area_code: "0000", name: "Riket", short_name: "Sverige", level: "country", parent_code: null, municipality_code: null, county_code: null, area_type: null},
      {area_code: "0006", name: "Region Jönköpings län", short_name: "Jönköpings län", level: "county", parent_code: "0000", municipality_code: null, county_code: "0006", area_type: null},
      {area_code: "0604", name: "Aneby", short_name: "Aneby", level: "municipality", parent_code: "0006", municipality_code: "0604", county_code: "0006", area_type: null},
      {area_code: "0680", name: "Jönköping", short_name: "Jönköping", level: "municipality", parent_code: "0006", municipality_code: "0680", county_code: "0006", area_type: null}
    ]);
    // Sweden scope: every area; a region without the "Region " prefix keeps its name.
    await stageKolada(db.conn, datasets, {scope: "sweden"});
    const sweden = await query<{area_code: string; short_name: string; parent_code: string | null}>(db.conn, "select area_code, short_name, parent_code from stg_areas order by area_code");
    expect(sweden.map((a) => a.area_code)).toEqual(["0000", "0001", "0006", "0014", "0114", "0604", "0680"]);
    expect(sweden.find((a) => a.area_code === "0014")!.short_name).toBe("Västra Götalandsregionen");
    expect(sweden.find((a) => a.area_code === "0114")!.parent_code).toBe("0001");
    db.close();
  });

  it("re-staging replaces earlier Kolada rows and leaves other levels alone", async () => {
    const db = await freshDb();
    await db.conn.run("insert into stg_areas values ('0680R024', 'Jönköping (Råslätt)', 'Råslätt', 'regso', '0680', '0680', '0006', 1)");
    await stageKolada(db.conn, datasets, {scope: "county"});
    await stageKolada(db.conn, datasets, {scope: "county"});
    const [n] = await query<{values: number; kpis: number; areas: number; regso: number}>(
      db.conn,
      `select (select count(*) from stg_kolada__values)::int as "values", (select count(*) from stg_kolada__kpis)::int as kpis,
              (select count(*) from stg_areas where level <> 'regso')::int as areas, (select count(*) from stg_areas where level = 'regso')::int as regso`
    );
    expect(n).toEqual({values: 6, kpis: 6, areas: 4, regso: 1});
    db.close();
  });

  it("rolls back and stages nothing when a raw file is not what the SQL expects", async () => {
    const db = await freshDb();
    const broken = datasets.map((d) => (d.id === "kolada:kpi" ? {...d, files: [{...d.files[0]!, file: join(FIXTURES, "html-page.html")}]} : d));
    await expect(stageKolada(db.conn, broken, {scope: "county"})).rejects.toThrow();
    const [n] = await query<{n: number}>(db.conn, "select (select count(*) from stg_kolada__values) + (select count(*) from stg_areas) as n");
    expect(Number(n!.n)).toBe(0);
    db.close();
  });
});
