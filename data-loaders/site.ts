/** Build the static site with Observable Framework (after the pipeline wrote the published files). */
import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {PROJECT_ROOT} from "./lib/config.js";

/** Run `observable build`, then the post-build step (src/lib/postbuild.ts); resolves with the wall time in ms, rejects on a non-zero exit. */
export async function buildSite(opts: {quiet?: boolean} = {}): Promise<number> {
  const t0 = performance.now();
  const bin = join(PROJECT_ROOT, "node_modules", ".bin", "observable");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(bin, ["build"], {
      cwd: PROJECT_ROOT,
      // Telemetry off: the site must make no request to any other host, and neither may its build.
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"},
      stdio: ["ignore", opts.quiet ? "ignore" : process.stderr, opts.quiet ? "pipe" : process.stderr]
    });
    let err = "";
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`observable build exited with ${code}\n${err.slice(-4000)}`))));
  });
  const {postbuild} = await import("../src/lib/postbuild.js");
  const {PUB_DIR, readCatalogue} = await import("../src/lib/siteData.js");
  postbuild(join(PROJECT_ROOT, "dist"), existsSync(join(PUB_DIR, "catalogue.json")) ? readCatalogue() : null);
  return Math.round(performance.now() - t0);
}
