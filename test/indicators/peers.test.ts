// Similar municipalities: an invented table (four municipalities, two variables) with neighbours computed by hand,
// and the real structural extract in ../shared (read at test time): deterministic, never the municipality itself.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
import {loadConfig} from "../../data-loaders/lib/config.js";
import {PEER_COUNT, PEER_VARIABLES, similarMunicipalities, type PeerInput, type PeerVariable} from "../../indicators/peers.js";

const VARS: PeerVariable[] = [{kpi: "X1", label_sv: "x1", transform: "none"}, {kpi: "X2", label_sv: "x2", transform: "none"}];
// Invented: X1 = 1, 2, 4, 7 and X2 = 10, 30, 10, 40 for A, B, C, D in 2022.
const TABLE: PeerInput[] = [["A", 1, 10], ["B", 2, 30], ["C", 4, 10], ["D", 7, 40]].flatMap(([a, x1, x2]) => [
  {area_code: a as string, kpi: "X1", year: 2022, value: x1 as number},
  {area_code: a as string, kpi: "X2", year: 2022, value: x2 as number}
]);

describe("similarMunicipalities on an invented table", () => {
  const r = similarMunicipalities(TABLE, {variables: VARS, k: 2});
  const of = (a: string) => r.peers.filter((p) => p.area_code === a).map((p) => [p.peer_code, Number(p.distance.toFixed(4))]);

  it("z-scores with the population standard deviation", () => {
    // X1: mean 3.5, sd √5.25 = 2.2913 → A −1.0911; X2: mean 22.5, sd √168.75 = 12.9904 → D 1.3472.
    expect(r.values.find((v) => v.area_code === "A" && v.kpi === "X1")!.z).toBeCloseTo(-1.091089, 5);
    expect(r.values.find((v) => v.area_code === "D" && v.kpi === "X2")!.z).toBeCloseTo(1.347151, 5);
  });

  it("gives the hand-computed nearest neighbours and Euclidean distances", () => {
    expect(of("A")).toEqual([["C", 1.3093], ["B", 1.6003]]);
    expect(of("B")).toEqual([["A", 1.6003], ["C", 1.7698]]);
    expect(of("C")).toEqual([["A", 1.3093], ["B", 1.7698]]);
    expect(of("D")).toEqual([["B", 2.314], ["C", 2.6547]]);
    expect(r.reference_year).toBe(2022);
  });

  it("fills a missing value from at most two years before; a variable still missing is left out of that area's distances", () => {
    const rows = [
      ...TABLE,
      {area_code: "E", kpi: "X1", year: 2022, value: 3}, {area_code: "E", kpi: "X2", year: 2020, value: 20},
      {area_code: "F", kpi: "X1", year: 2022, value: 3}, {area_code: "F", kpi: "X2", year: 2019, value: 20}
    ];
    const res = similarMunicipalities(rows, {variables: VARS, k: 2, year: 2022});
    expect(res.values.find((v) => v.area_code === "E" && v.kpi === "X2")!.year).toBe(2020);
    expect(res.excluded).toEqual([]);
    expect(res.values.some((v) => v.area_code === "F" && v.kpi === "X2")).toBe(false);
    // F has X1 only: its distance to A is |zF − zA| on X1, scaled by √(2/1).
    const z1 = (a: string) => res.values.find((v) => v.area_code === a && v.kpi === "X1")!.z;
    const fa = similarMunicipalities(rows, {variables: VARS, k: 5, year: 2022}).peers.find((p) => p.area_code === "F" && p.peer_code === "A")!;
    expect(fa.distance).toBeCloseTo(Math.abs(z1("F") - z1("A")) * Math.SQRT2, 10);
  });
});

describe("similarMunicipalities on the real structural extract", () => {
  const file = join(loadConfig().referenceDir, "kolada-ddf-dump", "kolada_sweden_structural_long.csv.gz");
  const want = new Set(PEER_VARIABLES.map((v) => v.kpi));
  const rows: PeerInput[] = gunzipSync(readFileSync(file)).toString("utf8").split("\n").slice(1).flatMap((line) => {
    const [kpi, , id, level, , gender, year, value] = line.split(",");
    return kpi && want.has(kpi) && level === "kommun" && gender === "T" && value !== "" && Number(year) >= 2018 ? [{area_code: id!, kpi, year: Number(year), value: Number(value)}] : [];
  });

  it("is deterministic, covers all 290 municipalities and never lists a municipality as its own peer", () => {
    const a = similarMunicipalities(rows);
    const b = similarMunicipalities([...rows].reverse());
    expect(b.peers).toEqual(a.peers);
    expect(new Set(a.peers.map((p) => p.area_code)).size).toBe(290);
    expect(a.excluded).toEqual([]);
    expect(a.peers.filter((p) => p.area_code === p.peer_code)).toEqual([]);
    for (const code of ["0680", "0662", "0604"]) {
      const mine = a.peers.filter((p) => p.area_code === code);
      expect(mine.map((p) => p.rank)).toEqual(Array.from({length: PEER_COUNT}, (_, i) => i + 1));
      expect(mine.map((p) => p.distance)).toEqual([...mine.map((p) => p.distance)].sort((x, y) => x - y));
    }
    expect(a.reference_year).toBe(2022);
  });
});
