// The map shapes from the real DeSO 2025 snapshot in ../shared (read at test time, never copied): every RegSO 2020 is
// the union of exactly the DeSO the keys list, every code is a code of the statistics, and no ring fills the globe.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {geoArea, geoContains, geoCentroid} from "d3-geo";
import {describe, expect, it} from "vitest";
import {DESO_BOUNDARIES_FILE, DESO_KEY_FILE, parseDesoBoundaries, parseDesoKey} from "../../data-loaders/boundaries/deso-2025.js";
import {buildAreaShapes, rewindForD3} from "../../data-loaders/boundaries/shapes.js";
import {loadConfig} from "../../data-loaders/lib/config.js";
import {DESO_REGSO_KEY_FILE, parseDesoRegsoKey} from "../../data-loaders/reference/deso-regso-key.js";

const ref = loadConfig().referenceDir;
const features = parseDesoBoundaries(readFileSync(join(ref, DESO_BOUNDARIES_FILE)), null, {source: "test"}, "snapshot");
const key = parseDesoKey(readFileSync(join(ref, DESO_KEY_FILE)), {source: "test"});
const statsKey = parseDesoRegsoKey(readFileSync(join(ref, DESO_REGSO_KEY_FILE)), {source: "test"});
const regsoOf = new Map(statsKey.map((r) => [r.DeSO_2018, r.RegSOkod_2020]));
const shapes = buildAreaShapes(features, key, regsoOf);
const hasInnerCentroid = (f: (typeof shapes.deso.features)[number]) => geoContains(f, geoCentroid(f));

describe("DeSO 2025 → DeSO 2018 / RegSO 2020 shapes", () => {
  it("has 213 DeSO 2025 polygons for the 209 DeSO 2018 and 130 RegSO of the statistics", () => {
    expect(shapes.deso.features).toHaveLength(213);
    expect(new Set(shapes.deso.features.map((f) => f.properties.deso_2018)).size).toBe(209);
    expect(shapes.regso.features).toHaveLength(130);
    expect(new Set(shapes.deso.features.map((f) => f.properties.deso_2018))).toEqual(new Set(statsKey.map((r) => r.DeSO_2018)));
    expect(new Set(shapes.regso.features.map((f) => f.properties.code))).toEqual(new Set(statsKey.map((r) => r.RegSOkod_2020)));
  });

  it("draws each split DeSO 2018 as its two 2025 parts", () => {
    const split = shapes.deso.features.filter((f) => f.properties.split);
    expect(split.map((f) => f.properties.code).sort()).toEqual(["0680C1071", "0680C1072", "0680C1161", "0680C1162", "0680C1181", "0680C1182", "0680C1201", "0680C1202"]);
    expect(split.filter((f) => f.properties.deso_2018 === "0680C1070").map((f) => f.properties.code)).toEqual(["0680C1071", "0680C1072"]);
  });

  it("makes every RegSO the union of exactly the DeSO the keys list (Råslätt's split DeSO included)", () => {
    const drawn = new Map(shapes.deso.features.map((f) => [f.properties.code, f]));
    for (const r of shapes.regso.features) {
      const expected2018 = statsKey.filter((k) => k.RegSOkod_2020 === r.properties.code).map((k) => k.DeSO_2018).sort();
      expect(r.properties.deso_2018, r.properties.code).toEqual(expected2018);
      const expected2025 = key.filter((k) => expected2018.includes(k.deso_2018)).map((k) => k.deso_2025).sort();
      expect(r.properties.deso_2025, r.properties.code).toEqual(expected2025);
      // Geometrically: the union covers each member's centroid and its area is the members' total (slivers aside).
      const members = expected2025.map((c) => drawn.get(c)!);
      // (A concave DeSO's centroid may lie outside it: those are skipped.)
      for (const m of members.filter(hasInnerCentroid)) expect(geoContains(r, geoCentroid(m)), `${m.properties.code} in ${r.properties.code}`).toBe(true);
      const sum = members.reduce((s, m) => s + geoArea(m), 0);
      expect(Math.abs(geoArea(r) - sum) / sum, r.properties.code).toBeLessThan(0.01);
    }
    // The source dropped holes, so a rural DeSO around a village covers it (e.g. 0617A0010 around 0617B2010); a union
    // may overlap another area only where the source's own polygons overlap (the map draws larger shapes first).
    for (const d of shapes.deso.features.filter(hasInnerCentroid)) {
      for (const r of shapes.regso.features) {
        if (r.properties.code === d.properties.regso || !geoContains(r, geoCentroid(d))) continue;
        const cover = r.properties.deso_2025.map((c) => drawn.get(c)!).find((m) => geoContains(m, geoCentroid(d)));
        expect(cover, `${d.properties.code} inside ${r.properties.code}`).toBeDefined();
      }
    }
    const raslatt = shapes.regso.features.find((f) => f.properties.code === "0680R024")!;
    expect(raslatt.properties.deso_2018).toContain("0680C1070");
    expect(raslatt.properties.deso_2025).toEqual(expect.arrayContaining(["0680C1071", "0680C1072"]));
  });

  it("winds every ring for d3-geo: no shape covers more than a small part of the sphere", () => {
    for (const f of [...shapes.deso.features, ...shapes.regso.features]) expect(geoArea(f), f.properties.code).toBeLessThan(1e-4);
    // The snapshot's own rings run counter-clockwise: as given, d3 would fill the globe with them.
    expect(geoArea({type: "Polygon", coordinates: features[0]!.geometry.coordinates as never})).toBeGreaterThan(2 * Math.PI);
  });

  it("rewinds a counter-clockwise ring and leaves a clockwise one alone", () => {
    const ccw = [[[14, 57], [14.1, 57], [14.1, 57.1], [14, 57.1], [14, 57]]];
    const cw = rewindForD3(ccw);
    expect(geoArea({type: "Polygon", coordinates: cw})).toBeLessThan(1e-4);
    expect(rewindForD3(cw)).toEqual(cw);
  });

  it("stays within the page's geometry budget (150 KB gzip)", async () => {
    const {gzipSync} = await import("node:zlib");
    expect(gzipSync(JSON.stringify(shapes)).length).toBeLessThan(150_000);
  });

  it("names every disagreement between polygons and keys at once", () => {
    const broken = key.filter((k) => k.deso_2025 !== "0604A0010");
    const fewer = new Map(regsoOf);
    fewer.delete("0604A0020");
    expect(() => buildAreaShapes(features, broken, fewer)).toThrow(/0604A0010 has a polygon but is not in the 2025→2018 key[\s\S]*0604A0020 is not an area of the statistics/);
  });
});
