import {fileURLToPath} from "node:url";
import {defineConfig} from "vitest/config";

// Lives under test/ so the top level stays as the guide prescribes; root is the project.
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    // A hang detector, not a speed check (the bench measures speed): generous for a busy 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // TZ and locale pinned: results never depend on the machine.
    env: {TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8", OBSERVABLE_TELEMETRY_DISABLE: "true",
      // Tests never touch the internet: the DeSO boundaries come from the configured snapshot in ../shared, never the WFS.
      BOUNDARIES_SOURCE: "reference"}
  }
});
