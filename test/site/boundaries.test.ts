// Reads the real boundary file from ../shared at test time (never copied into the project).
import {describe, expect, it} from "vitest";
import {countyBoundaries} from "../../src/lib/boundaries.js";

describe("county boundaries for the map", () => {
  it("keeps the county's 13 municipalities with code and name, rounded to 4 decimals, rings as given", () => {
    const fc = countyBoundaries();
    expect(fc.features.map((f) => f.properties.code).sort()).toEqual(["0604", "0617", "0642", "0643", "0662", "0665", "0680", "0682", "0683", "0684", "0685", "0686", "0687"]);
    expect(fc.features.find((f) => f.properties.code === "0687")!.properties.name).toBe("Tranås");
    const coords = JSON.stringify(fc.features.map((f) => f.geometry.coordinates));
    expect(coords).not.toMatch(/\.\d{5,}/);
    for (const f of fc.features) {
      const rings = f.geometry.type === "Polygon" ? f.geometry.coordinates : f.geometry.coordinates.flat();
      for (const ring of rings) expect(ring[0]).toEqual(ring.at(-1));
      // Longitudes and latitudes of Jönköping county.
      for (const [x, y] of rings.flat() as [number, number][]) {
        expect(x).toBeGreaterThan(13);
        expect(x).toBeLessThan(16);
        expect(y).toBeGreaterThan(56.8);
        expect(y).toBeLessThan(58.3);
      }
    }
  });
});
