import {readdir} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {defineAreaIndicator} from "../../indicators/omraden/define.js";
import {AREA_INDICATORS, AREA_INFRASTRUCTURE_FILES} from "../../indicators/omraden/index.js";
import {AREA_TABLES, diffUnitLabelSv, unitLabelSv} from "../../indicators/omraden/meta.js";

describe("area indicator registry", () => {
  it("lists exactly the indicator files of indicators/omraden/", async () => {
    const files = (await readdir(join(PROJECT_ROOT, "indicators", "omraden"))).filter((f) => f.endsWith(".ts"));
    const indicatorFiles = files.filter((f) => !(AREA_INFRASTRUCTURE_FILES as readonly string[]).includes(f));
    expect(AREA_INDICATORS.map((i) => `${i.id}.ts`).sort()).toEqual(indicatorFiles.sort());
    expect(new Set(AREA_INDICATORS.map((i) => i.id)).size).toBe(AREA_INDICATORS.length);
  });

  it.each(AREA_INDICATORS.map((i) => [i.id, i] as const))("%s: params and SQL agree, inputs are declared, units have labels", (_id, ind) => {
    const used = new Set([...ind.sql.matchAll(/\$([a-z_]+)/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(ind.params).sort());
    for (const input of ind.inputs) {
      const key = input.slice("scb:".length);
      expect(AREA_TABLES[key], input).toBeDefined();
      expect(ind.sql).toContain(`stg_scb__${key}`);
    }
    expect(unitLabelSv(ind)).not.toBe("");
    expect(diffUnitLabelSv(ind)).not.toBe("");
  });

  it("publishes the DeSO median at DeSO level only and sums only counts", () => {
    const median = AREA_INDICATORS.find((i) => i.id === "medianinkomst-deso")!;
    expect(median.kind).toBe("level");
    expect(median.level).toBe("deso");
    for (const ind of AREA_INDICATORS.filter((i) => i.kind === "level")) {
      expect(ind.level === "deso" || ind.inputs.every((x) => !x.startsWith("scb:deso_")), ind.id).toBe(true);
    }
  });

  it("rejects an invalid definition with the file named", () => {
    expect(() =>
      defineAreaIndicator("file:///x/indicators/omraden/bad-one.ts", {
        kind: "level", statistic: "mean", level: "regso", base_unit: null, no_base_reason: null,
        title_sv: "Ett mått", title_en: "A measure", description_sv: "En beskrivning.", description_en: "A description.",
        goal_area: "kontext", inputs: ["scb:x"], unit: "tkr", direction: "none", decimals: 1, sql: "select 1 as x"
      })
    ).toThrow(/bad-one.*no_base_reason/s);
  });
});
