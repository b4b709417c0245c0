/** Golden files for the area outputs: compare, or rewrite with UPDATE_GOLDEN=1 (then review the diff). */
import {existsSync} from "node:fs";
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {expect} from "vitest";
import {PROJECT_ROOT} from "../../../data-loaders/lib/config.js";

export const GOLDEN_DIR = join(PROJECT_ROOT, "test", "golden", "areas");

/** Assert that `actual` equals test/golden/areas/<name>. */
export async function expectGolden(name: string, actual: string): Promise<void> {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    await mkdir(dirname(file), {recursive: true});
    await writeFile(file, actual, "utf8");
    return;
  }
  expect(existsSync(file), `golden file ${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(actual, `output differs from ${file} (UPDATE_GOLDEN=1 rewrites it)`).toBe(await readFile(file, "utf8"));
}
