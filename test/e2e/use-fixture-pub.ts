/**
 * Copies the INVENTED fixture of the published files (test/fixtures/pub/) into src/data/pub/ (git-ignored) so the
 * site can be built and browser-tested without running the pipeline. Refuses to overwrite files the real pipeline
 * wrote unless `--force` is given. Usage: `npx tsx test/e2e/use-fixture-pub.ts [--force]`.
 */
import {cpSync, existsSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";

export const FIXTURE_DIR = join(PROJECT_ROOT, "test", "fixtures", "pub");
export const PUB_DIR = join(PROJECT_ROOT, "src", "data", "pub");

/** True when src/data/pub holds the fixture (its README says so) or nothing at all. */
export function pubIsFixtureOrEmpty(dir = PUB_DIR): boolean {
  if (!existsSync(dir)) return true;
  const readme = join(dir, "README.txt");
  return existsSync(readme) && readFileSync(readme, "utf8").startsWith("TESTDATA");
}

/** Replace src/data/pub with the fixture (without its generator script). */
export function useFixturePub(opts: {force?: boolean} = {}): void {
  if (!opts.force && !pubIsFixtureOrEmpty()) {
    throw new Error(`${PUB_DIR} holds files the pipeline published; pass --force to replace them with the invented fixture`);
  }
  rmSync(PUB_DIR, {recursive: true, force: true});
  cpSync(FIXTURE_DIR, PUB_DIR, {recursive: true, filter: (src) => !src.endsWith(".ts")});
}

if (import.meta.url === `file://${process.argv[1]}`) {
  useFixturePub({force: process.argv.includes("--force")});
  process.stderr.write(`copied the invented fixture ${FIXTURE_DIR} → ${PUB_DIR}\n`);
}
