import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {resolveFile, serve, type StaticServer} from "../helpers/serve.js";

// A tiny invented site tree.
const root = mkdtempSync(join(tmpdir(), "serve-"));
mkdirSync(join(root, "goals"));
writeFileSync(join(root, "index.html"), "<h1>start</h1>");
writeFileSync(join(root, "karta.html"), "<h1>karta</h1>");
writeFileSync(join(root, "goals", "bostader.html"), "<h1>bostäder</h1>");
writeFileSync(join(root, "x.csv"), "a,b\n1,2\n");
writeFileSync(join(root, "404.html"), "<h1>Sidan finns inte</h1>");

/** A raw GET with the path sent byte for byte (fetch would normalise it). */
async function rawGet(base: string, path: string): Promise<{status: number; body: string}> {
  const {request} = await import("node:http");
  const {hostname, port} = new URL(base);
  return new Promise((ok, fail) => {
    request({hostname, port, path, method: "GET"}, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => ok({status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString()}));
    })
      .on("error", fail)
      .end();
  });
}

describe("static server for dist/", () => {
  let s: StaticServer;
  beforeAll(async () => {
    s = await serve(root);
  });
  afterAll(async () => {
    await s.close();
  });

  it("maps clean URLs to .html files and never leaves the root", () => {
    expect(resolveFile(root, "/")).toBe(join(root, "index.html"));
    expect(resolveFile(root, "/karta?kommun=0687")).toBe(join(root, "karta.html"));
    expect(resolveFile(root, "/goals/bostader")).toBe(join(root, "goals", "bostader.html"));
    expect(resolveFile(root, "/../../etc/passwd")).toBeNull();
    expect(resolveFile(root, "/nope")).toBeNull();
  });

  it("serves on 127.0.0.1 with MIME types, gzip on request and 404s", async () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const csv = await fetch(`${s.url}/x.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toBe("a,b\n1,2\n");
    const page = await fetch(`${s.url}/goals/bostader`, {headers: {"accept-encoding": "identity"}});
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain("bostäder");
    const missing = await fetch(`${s.url}/saknas`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Sidan finns inte");
    // Node's fetch decodes gzip itself; read the raw bytes with a plain request to see the encoding.
    const {request} = await import("node:http");
    const raw = await new Promise<{enc: string | undefined; body: Buffer}>((ok) => {
      request(`${s.url}/karta`, {headers: {"accept-encoding": "gzip"}}, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => ok({enc: res.headers["content-encoding"], body: Buffer.concat(chunks)}));
      }).end();
    });
    expect(raw.enc).toBe("gzip");
    expect(gunzipSync(raw.body).toString()).toBe("<h1>karta</h1>");
  });

  it("answers 400 to a malformed URL (GET /%) and keeps serving", async () => {
    expect(() => resolveFile(root, "/%")).toThrow(/malformed URL path/);
    for (const path of ["/%", "/%E0%A4%A", "/goals/%zz"]) {
      const r = await rawGet(s.url, path);
      expect(r.status, path).toBe(400);
      expect(r.body).toMatch(/Bad Request/);
    }
    const after = await rawGet(s.url, "/karta");
    expect(after).toEqual({status: 200, body: "<h1>karta</h1>"});
  });
});
