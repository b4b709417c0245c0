/**
 * Golden tests: every fixture indicator computed on the invented staging fixtures must reproduce
 * test/golden/indicators/<id>.csv and <id>.summary.csv (UPDATE_GOLDEN=1 rewrites them). The
 * harness (test/golden/harness.ts) takes any indicator list, e.g. the real registry.
 */
import {existsSync} from "node:fs";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {defineIndicator} from "../../indicators/define.js";
import {runGolden} from "../golden/harness.js";
import employmentRate from "../fixtures/indicators/arbete/test-employment-rate.js";
import {TEST_INDICATORS} from "../fixtures/indicators/index.js";
import {loadEngineStaging} from "../fixtures/staging-engine/load.js";

describe("golden indicator outputs", () => {
  it("every fixture indicator reproduces its golden values and summary", async () => {
    const outcomes = await runGolden({indicators: TEST_INDICATORS, stage: loadEngineStaging});
    expect(outcomes).toHaveLength(TEST_INDICATORS.length * 2);
    const failed = outcomes.filter((o) => o.status === "changed" || o.status === "missing");
    expect(failed.map((o) => `${o.file}: ${o.diff} (new output: ${o.changed})`)).toEqual([]);
  });

  it("reports a changed output and writes it as <name>-changed.csv", async () => {
    const changedDir = await mkdtemp(join(tmpdir(), "golden-"));
    // Same id and file, another KPI: the numbers differ from the golden file.
    const altered = defineIndicator(`file://${employmentRate.file}`, {...employmentRate, params: {kpi: "N02926"}});
    const outcomes = await runGolden({indicators: [altered], stage: loadEngineStaging, changedDir, update: false});
    expect(outcomes.map((o) => o.status)).toEqual(["changed", "changed"]);
    const changed = outcomes[0]!.changed!;
    expect(changed).toBe(join(changedDir, "test-employment-rate-changed.csv"));
    expect(existsSync(changed)).toBe(true);
    expect(await readFile(changed, "utf8")).toContain("test-employment-rate,0000,2014,T,all,17,");
    expect(outcomes[0]!.diff).toMatch(/^line 2:/);
    await rm(changedDir, {recursive: true});
  });
});
