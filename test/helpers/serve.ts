/**
 * A small static server for the built site (dist/) on 127.0.0.1: Framework's clean URLs (/x → x.html,
 * /x/ → x/index.html), correct MIME types, gzip when the client accepts it (so transferred bytes are realistic).
 * Used by the browser tests and `npm run serve`.
 */
import {createServer, type Server} from "node:http";
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {extname, join, normalize, resolve, sep} from "node:path";
import {gzipSync} from "node:zlib";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";

export const DIST = join(PROJECT_ROOT, "dist");

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8", ".csv": "text/csv; charset=utf-8", ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml", ".png": "image/png", ".zip": "application/zip", ".parquet": "application/vnd.apache.parquet",
  ".wasm": "application/wasm", ".geojson": "application/geo+json", ".map": "application/json"
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".csv", ".txt", ".svg", ".geojson", ".map"]);

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** A request path that is not valid percent-encoding (GET /%): the client's error, answered with 400. */
export class MalformedPathError extends Error {}

/** Map a request path to a file under root, or null (404). Never leaves root; throws MalformedPathError for bad %-escapes. */
export function resolveFile(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]!);
  } catch (e) {
    throw new MalformedPathError(`malformed URL path ${JSON.stringify(urlPath.slice(0, 100))}: ${(e as Error).message}`);
  }
  const base = resolve(root);
  const candidate = resolve(base, "." + normalize(path));
  if (candidate !== base && !candidate.startsWith(base + sep)) return null;
  const tries = path.endsWith("/") ? [join(candidate, "index.html")] : [candidate, `${candidate}.html`, join(candidate, "index.html")];
  return tries.find((f) => existsSync(f) && statSync(f).isFile()) ?? null;
}

// Compressed once per file version, as a static host serves pre-compressed files: gzip on every request
// would spend the page's CPU (the server shares this machine with the browser) and inflate load times.
const gzipCache = new Map<string, {mtimeMs: number; size: number; body: Buffer}>();
function gzipped(file: string, body: Buffer): Buffer {
  const {mtimeMs, size} = statSync(file);
  const hit = gzipCache.get(file);
  if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.body;
  const entry = {mtimeMs, size, body: gzipSync(body)};
  gzipCache.set(file, entry);
  return entry.body;
}

/** Serve `root` on 127.0.0.1 (port 0 = any free port); `precompress` gzips every file before the first request (the bench). */
export async function serve(root = DIST, port = 0, opts: {precompress?: boolean} = {}): Promise<StaticServer> {
  if (!existsSync(join(root, "index.html"))) throw new Error(`${root} has no index.html: build the site first (npm run build)`);
  if (opts.precompress) {
    for (const name of readdirSync(root, {recursive: true, encoding: "utf8"})) {
      const file = join(root, name);
      if (COMPRESSIBLE.has(extname(file)) && statSync(file).isFile()) gzipped(file, readFileSync(file));
    }
  }
  const server = createServer((req, res) => {
    let file: string | null;
    try {
      file = resolveFile(root, req.url ?? "/");
    } catch (e) {
      // A bad request must never take the server down: answer it and keep serving.
      if (!(e instanceof MalformedPathError)) throw e;
      res.writeHead(400, {"content-type": MIME[".txt"]!});
      res.end("400 Bad Request: felaktig adress (malformed URL)\n");
      return;
    }
    if (!file) {
      const notFound = join(root, "404.html");
      res.writeHead(404, {"content-type": MIME[".html"]!});
      res.end(existsSync(notFound) ? readFileSync(notFound) : "not found");
      return;
    }
    const ext = extname(file);
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string> = {"content-type": MIME[ext] ?? "application/octet-stream", "cache-control": "no-cache"};
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      body = gzipped(file, body);
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((ok) => server.listen(port, "127.0.0.1", ok));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    server,
    close: () => new Promise<void>((ok, fail) => server.close((e) => (e ? fail(e) : ok())))
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 3000);
  const s = await serve(DIST, port);
  process.stderr.write(`serving ${DIST} at ${s.url}\n`);
}
