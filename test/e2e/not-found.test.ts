/**
 * The site's Swedish 404 page (src/404.md → dist/404.html): served with status 404 for any unknown path, nested ones
 * included (Framework gives 404.html a <base href> so its assets resolve from any depth). Run with E2E=1 after a build.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {chromium, type Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DIST, serve, type StaticServer} from "../helpers/serve.js";

const E2E = process.env.E2E === "1";

describe.skipIf(!E2E)("404 page", () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serve(DIST);
    browser = await chromium.launch({executablePath: "/usr/bin/chromium", args: ["--no-sandbox"]});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("is built from src/404.md in Swedish", () => {
    const file = join(DIST, "404.html");
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, "utf8");
    expect(html).toMatch(/<html lang="sv"/);
    expect(html).toContain("Sidan finns inte");
    expect(html).toMatch(/<base href="\/">/);
  });

  it("is served with status 404 at any depth, with its styles and links working", async () => {
    for (const path of ["/finns-inte", "/indicators/ingen-sadan/indikator"]) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain("Sidan finns inte");
    }
    const page = await browser.newPage();
    const failed: string[] = [];
    const errors: string[] = [];
    page.on("response", (r) => {
      // The page itself answers 404 by design; every asset it loads must not.
      if (r.status() >= 400 && r.request().resourceType() !== "document") failed.push(`${r.url()} → ${r.status()}`);
    });
    page.on("pageerror", (e) => errors.push(e.message));
    const res = await page.goto(`${server.url}/indicators/ingen-sadan/indikator`, {waitUntil: "load"});
    expect(res?.status()).toBe(404);
    await expect(page.locator("h1").first().textContent()).resolves.toBe("Sidan finns inte");
    const start = page.getByRole("link", {name: "Startsidan"});
    expect(await start.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${server.url}/`);
    expect({failed, errors}).toEqual({failed: [], errors: []});
    await page.close();
  });
});
