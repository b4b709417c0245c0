/**
 * A loopback HTTP proxy in front of the simulator that can rewrite answers: negate counts, inject values,
 * drop rows, answer 429 with Retry-After, redirect to another host, hold a request forever, append whitespace.
 * Each test sets `proxy.mutate`; the default passes everything through unchanged.
 */
import {createServer, type IncomingMessage, type Server} from "node:http";
import {once} from "node:events";

export interface Exchange {
  method: string;
  /** Path and query as requested. */
  path: string;
  requestBody: Buffer;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Rewrite an upstream answer, answer without asking upstream (return an Answer from `intercept`), or hold (never resolve). */
export interface Mutation {
  intercept?: (ex: Exchange) => Answer | Promise<Answer> | undefined;
  rewrite?: (ex: Exchange, upstream: Answer) => Answer;
}

export interface Proxy {
  url: string;
  /** Same paths as the simulator's: base + /kolada/v3, /scb/api/v2. */
  kolada: string;
  scb: string;
  mutate: Mutation;
  /** Every request seen, in order. */
  seen: Exchange[];
  /** Resolves when `n` requests have been seen (no sleeping in tests). */
  waitForRequests(n: number): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Start a proxy on 127.0.0.1 forwarding to `upstream` (the simulator's base URL). */
export async function startProxy(upstream: string): Promise<Proxy> {
  const seen: Exchange[] = [];
  const waiters: {n: number; resolve: () => void}[] = [];
  const proxy = {mutate: {} as Mutation, seen} as Proxy;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const ex: Exchange = {method: req.method ?? "GET", path: req.url ?? "/", requestBody: await readBody(req)};
      seen.push(ex);
      for (const w of waiters.filter((w) => seen.length >= w.n)) w.resolve();
      let answer = await proxy.mutate.intercept?.(ex);
      if (!answer) {
        const up = await fetch(upstream + ex.path, {
          method: ex.method,
          headers: {"content-type": String(req.headers["content-type"] ?? "application/json")},
          body: ex.method === "GET" || ex.method === "HEAD" ? null : new Uint8Array(ex.requestBody),
          redirect: "manual"
        });
        const headers: Record<string, string> = {};
        up.headers.forEach((v, k) => {
          if (!["content-length", "content-encoding", "transfer-encoding", "connection"].includes(k)) headers[k] = v;
        });
        answer = {status: up.status, headers, body: Buffer.from(await up.arrayBuffer())};
        if (proxy.mutate.rewrite) answer = proxy.mutate.rewrite(ex, answer);
      }
      res.writeHead(answer.status, {...answer.headers, "content-length": String(answer.body.length)});
      res.end(answer.body);
    })().catch((e: unknown) => {
      res.writeHead(502, {"content-type": "text/plain"});
      res.end(`proxy error: ${String(e)}`);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("proxy has no port");
  const url = `http://127.0.0.1:${address.port}`;
  return Object.assign(proxy, {
    url,
    kolada: `${url}/kolada/v3`,
    scb: `${url}/scb/api/v2`,
    waitForRequests: (n: number) => new Promise<void>((resolve) => (seen.length >= n ? resolve() : waiters.push({n, resolve}))),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      })
  });
}

/** Rewrite the JSON body of matching answers. */
export function rewriteJson(match: RegExp, f: (json: any, ex: Exchange) => unknown): Mutation {
  return {
    rewrite: (ex, a) => {
      if (!match.test(ex.path) || a.status !== 200) return a;
      return {...a, body: Buffer.from(JSON.stringify(f(JSON.parse(a.body.toString("utf8")), ex)))};
    }
  };
}
