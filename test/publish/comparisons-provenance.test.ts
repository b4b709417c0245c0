/**
 * On the REAL data (../shared, served by the simulator): comparisons compare like with like, and provenance can be
 * followed. Survey indicators are compared with the participants of the same year only; the lowest-turnout district
 * with the county's municipalities, never Sweden's extreme; "median av N kommuner" carries the N that had values;
 * a neighbourhood's same-type comparator leaves the area out (recomputed here from the shared CSVs); no published
 * file holds a loopback URL or a simulator stand-in id; every figure we computed says so in its source column.
 */
import {readFile, readdir, mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {strFromU8, unzipSync} from "fflate";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {loadConfig, PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {setQuiet} from "../../data-loaders/lib/log.js";
import {runPipeline} from "../../data-loaders/pipeline.js";
import {CAVEATS} from "../../indicators/caveats.js";
import {INDICATORS} from "../../indicators/index.js";
import {Catalogue, type SummaryRow} from "../../indicators/published.js";
import {startSim, type Sim} from "../helpers/api-sim.js";

setQuiet(true);
const RAW = join(PROJECT_ROOT, "..", "shared", "data", "raw");
const FORBIDDEN = /127\.0\.0\.1|localhost|SIM_/;
const DERIVED = /^Beräknat av oss från /;

const csv = async (file: string) => csvParse((await readFile(file, "utf8")).replace(/^\ufeff/, ""));

describe("comparisons and provenance on the real data", () => {
  let sim: Sim;
  let dir: string;
  let pub: string;
  let cat: Catalogue;
  let summary: Record<string, string>[];
  beforeAll(async () => {
    sim = await startSim();
    dir = await mkdtemp(join(tmpdir(), "cmp-prov-"));
    pub = join(dir, "pub");
    const config = loadConfig({koladaBase: sim.kolada, scbBase: sim.scb, dataDir: join(dir, "data"), publishDir: pub});
    await runPipeline({command: "all", scope: "county", offline: false, refresh: false, only: [], config});
    cat = Catalogue.parse(JSON.parse(await readFile(join(pub, "catalogue.json"), "utf8")));
    summary = await csv(join(pub, "summary.csv"));
  });
  afterAll(async () => {
    await sim.stop();
    await rm(dir, {recursive: true, force: true});
  });

  const muniValues = async (id: string, sex = "T", group = "all") => {
    const rows = await csv(join(pub, "indicators", `${id}.csv`));
    return rows.filter((r) => r.area_level === "municipality" && r.sex === sex && r.group === group && r.value !== "");
  };
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };

  it("no published file (bulk.zip's contents included) holds a loopback URL or a SIM_ id", async () => {
    const offenders: string[] = [];
    for (const e of await readdir(pub, {recursive: true, withFileTypes: true})) {
      if (!e.isFile()) continue;
      const file = join(e.parentPath, e.name);
      if (e.name.endsWith(".zip")) {
        for (const [name, bytes] of Object.entries(unzipSync(await readFile(file)))) {
          if (!name.endsWith(".parquet") && FORBIDDEN.test(strFromU8(bytes))) offenders.push(`${e.name}:${name}`);
        }
      } else if (FORBIDDEN.test((await readFile(file)).toString("latin1"))) offenders.push(file.slice(pub.length + 1));
    }
    expect(offenders).toEqual([]);
  });

  it("every source links to a public page, never the API; dates are the source's own or none", async () => {
    const areas = JSON.parse(await readFile(join(pub, "areas", "catalogue.json"), "utf8")) as {sources: Catalogue["sources"]};
    const sources = [...cat.sources, ...cat.indicators.flatMap((i) => i.sources), ...areas.sources];
    for (const s of sources) {
      expect(s.url, s.id).toMatch(/^https:\/\/www\.(kolada\.se\/verktyg\/fri-sokning\/\?kpis=[NU]\d{5}|statistikdatabasen\.scb\.se\/pxweb\/sv\/ssd\/)/);
      if (s.id.startsWith("kolada:")) expect(s.code, s.id).toBe(s.id.slice("kolada:".length));
      // The simulator marks its SCB tables; their `updated` is a placeholder, so no SCB date is published.
      if (s.id.startsWith("scb:")) expect(s.published, s.id).toBeNull();
    }
    // Kolada's own publication date travels (the KPI metadata has one for N02268).
    expect(sources.find((s) => s.id === "kolada:N02268")?.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("every derived figure's source says it is our calculation, and only those", async () => {
    const wrong: string[] = [];
    for (const ind of INDICATORS) {
      for (const r of await csv(join(pub, "indicators", `${ind.id}.csv`))) {
        if ((r.group === "gap") !== DERIVED.test(r.source!)) wrong.push(`${ind.id} ${r.group}: ${r.source}`);
      }
    }
    const acat = JSON.parse(await readFile(join(pub, "areas", "catalogue.json"), "utf8")) as {indicators: {id: string; kind: string}[]};
    for (const ai of acat.indicators) {
      for (const r of await csv(join(pub, "areas", `${ai.id}.csv`))) {
        if ((ai.kind === "ratio") !== DERIVED.test(r.source!)) wrong.push(`${ai.id}: ${r.source}`);
      }
    }
    expect([...new Set(wrong)].slice(0, 10)).toEqual([]);
    const gap = (await csv(join(pub, "indicators", "sysselsattningsgrad-utrikes-fodda.csv"))).find((r) => r.group === "gap")!;
    expect(gap.source).toBe("Beräknat av oss från Kolada (KPI N02268 och N02267): gapet mellan grupperna");
  });

  it("survey indicators compare participants only: the median of those with a value that year, never Kolada's county value", async () => {
    const surveys = INDICATORS.filter((i) => i.comparisons.population === "participants");
    expect(surveys.map((i) => i.id).sort()).toEqual([
      "blandning-av-bakgrunder-viktig-i-boendemiljon", "elevhalsa-ak5", "elevhalsa-ak8",
      "kommunens-arbete-for-integration-enligt-invanarna", "kommunens-arbete-mot-diskriminering-enligt-invanarna"
    ]);
    for (const ind of surveys) {
      const values = await muniValues(ind.id);
      const rows = summary.filter((r) => r.indicator_id === ind.id && r.area_level === "municipality" && r.sex === "T");
      expect(rows.length, ind.id).toBeGreaterThan(0);
      for (const r of rows) {
        const same = values.filter((v) => v.year === r.latest_year).map((v) => Number(v.value));
        expect(r.county_comparator, `${ind.id} ${r.area_code}`).not.toBe("county");
        expect(Number(r.county_n), `${ind.id} ${r.area_code}`).toBe(same.length);
        expect(Number(r.county_value)).toBeCloseTo(median(same), 6);
        expect(r.county_note).toBe(ind.comparisons.note_sv);
        // Ranks unaffected: among the participants of that year.
        if (r.rank_of !== "") expect(Number(r.rank_of)).toBeLessThanOrEqual(same.length);
      }
      // The caveat names exactly the municipalities with values, per year, read from the data.
      const caveat = cat.indicators.find((i) => i.id === ind.id)!.caveats.at(-1)!;
      const byYear = new Map<string, string[]>();
      for (const v of values) byYear.set(v.year!, [...(byYear.get(v.year!) ?? []), v.area_name!]);
      for (const [year, names] of byYear) {
        const short = names.map((n) => n.replace(/s? kommun$/, ""));
        expect(caveat, `${ind.id} ${year}`).toContain(`${year}: `);
        for (const n of short) expect(caveat, `${ind.id} ${year}`).toContain(n);
        expect(caveat).toContain(`(${names.length})`);
      }
    }
    // Real participants of N00653: five municipalities in 2021 and five others in 2022, not "Jönköping and Tranås".
    const integration = cat.indicators.find((i) => i.id === "kommunens-arbete-for-integration-enligt-invanarna")!;
    expect(integration.participants.map((p) => [p.year, p.areas.length])).toEqual([[2021, 5], [2022, 5]]);
  });

  it("the lowest-turnout district is compared with the county's municipalities' median, never with Sweden's single lowest", async () => {
    const id = "valdeltagande-i-valdistriktet-med-lagst-deltagande";
    const values = await muniValues(id);
    const rows = summary.filter((r) => r.indicator_id === id && r.area_level === "municipality");
    expect(rows).toHaveLength(13);
    for (const r of rows) {
      expect(r.sweden_value).toBe("");
      expect(r.diff_vs_sweden).toBe("");
      const same = values.filter((v) => v.year === r.latest_year).map((v) => Number(v.value));
      expect(r).toMatchObject({county_comparator: "municipal_median", county_n: String(same.length)});
      expect(Number(r.county_value)).toBeCloseTo(median(same), 6);
    }
  });

  it("every municipal median states the N that had values that year", async () => {
    const medianRows = summary.filter((r) => r.county_comparator === "municipal_median") as unknown as SummaryRow[];
    expect(medianRows.length).toBeGreaterThan(100);
    const cache = new Map<string, Record<string, string>[]>();
    const bad: string[] = [];
    for (const r of medianRows as unknown as Record<string, string>[]) {
      const key = `${r.indicator_id}|${r.sex}|${r.group}`;
      if (!cache.has(key)) cache.set(key, await muniValues(r.indicator_id!, r.sex, r.group));
      const n = cache.get(key)!.filter((v) => v.year === r.latest_year).length;
      if (Number(r.county_n) !== n) bad.push(`${key} ${r.area_code}: county_n ${r.county_n}, ${n} had values`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(summary.some((r) => r.county_comparator === "municipal_median" && Number(r.county_n) < 13)).toBe(true);
  });

  it("a neighbourhood's same-type comparator leaves the area out (Råslätt recomputed from the shared CSVs)", async () => {
    const types = new Map((await csv(join(RAW, "scb-delmos-omradestyp-2022", "regso_omradestyp_2022_lan06.csv")))
      .map((r) => [r[""]!, Number(r["2022"])]));
    const pop = await csv(join(RAW, "scb-regso-2020-2023", "regso_population_by_birthregion_2020-2023_lan06.csv"));
    const count = (name: string, birth: string) => Number(pop.find((r) => r.region === name && r["födelseregion"] === birth)!["Antal 2023"]);
    const raslatt = "Jönköping (Råslätt)";
    const peers = [...types].filter(([n, t]) => t === types.get(raslatt) && n !== raslatt).map(([n]) => n);
    const share = (names: string[]) => {
      const total = names.reduce((s, n) => s + count(n, "totalt"), 0);
      return (100 * (total - names.reduce((s, n) => s + count(n, "Sverige"), 0))) / total;
    };
    const cmp = (await csv(join(pub, "areas", "comparisons.csv"))).find(
      (r) => r.indicator_id === "utrikes-fodda-andel-regso" && r.area_name === raslatt && r.year === "2023"
    )!;
    expect(Number(cmp.same_type_n)).toBe(peers.length);
    expect(Number(cmp.same_type_value)).toBeCloseTo(share(peers), 1);
    expect(Number(cmp.same_type_value)).not.toBeCloseTo(share([...peers, raslatt]), 1);
  });

  it("the pandemic caveat is on exactly the indicators with a value in 2020 or 2021 inside their trend window", async () => {
    const wrong: string[] = [];
    for (const ind of INDICATORS) {
      const years = [...new Set((await csv(join(pub, "indicators", `${ind.id}.csv`))).filter((r) => r.value !== "").map((r) => Number(r.year)))];
      const latest = Math.max(...years);
      const spans = years.some((y) => (y === 2020 || y === 2021) && y >= latest - 5);
      if (spans !== ind.caveats.includes(CAVEATS.pandemic)) wrong.push(`${ind.id}: window ${latest - 5}–${latest}, caveat ${!spans}`);
    }
    expect(wrong).toEqual([]);
  });
});
