/**
 * The raw layer: every response body kept verbatim with a sidecar (URL, query, status,
 * fetched_at UTC, sha256, publisher, licence). Files are keyed by the request, not by the
 * host, so a re-run against another base URL (or port) reuses them.
 */
import {createHash} from "node:crypto";
import {mkdir, readFile, rename, writeFile} from "node:fs/promises";
import {existsSync} from "node:fs";
import {dirname, join} from "node:path";
import {z} from "zod";

export const RawMeta = z.object({
  source: z.string(),
  dataset: z.string(),
  url: z.string(),
  method: z.enum(["GET", "POST"]),
  query: z.unknown().optional(),
  http_status: z.number().int(),
  content_type: z.string().nullable(),
  fetched_at: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int(),
  publisher: z.string(),
  licence: z.string(),
  attempts: z.number().int()
});
export type RawMeta = z.infer<typeof RawMeta>;

/** sha256 hex of bytes. */
export function sha256(buf: Buffer | string): string {
  return createHash("sha256").update(buf).digest("hex");
}

/** A short stable key for a request (path + query + body, without host). */
export function requestKey(pathAndQuery: string, body?: unknown): string {
  return sha256(pathAndQuery + (body === undefined ? "" : `\n${JSON.stringify(body)}`)).slice(0, 16);
}

/** Write a body and its sidecar atomically (tmp + rename), so a crash never leaves half a file. */
export async function writeRaw(file: string, body: Buffer, meta: Omit<RawMeta, "sha256" | "bytes">): Promise<RawMeta> {
  await mkdir(dirname(file), {recursive: true});
  const full: RawMeta = {...meta, sha256: sha256(body), bytes: body.length};
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, body);
  await writeFile(`${tmp}.meta`, JSON.stringify(full, null, 2));
  await rename(`${tmp}.meta`, `${file}.meta.json`);
  await rename(tmp, file);
  return full;
}

/** Read a raw body and its sidecar; verify the checksum. Returns undefined when absent. */
export async function readRaw(file: string): Promise<{body: Buffer; meta: RawMeta} | undefined> {
  if (!existsSync(file) || !existsSync(`${file}.meta.json`)) return undefined;
  const [body, metaText] = await Promise.all([readFile(file), readFile(`${file}.meta.json`, "utf8")]);
  const meta = RawMeta.parse(JSON.parse(metaText));
  if (sha256(body) !== meta.sha256) {
    throw new Error(`raw file ${file} does not match the sha256 in its sidecar: it was altered after fetching`);
  }
  return {body, meta};
}

/** Path of a raw file under data/raw/<source>/<dataset>/. */
export function rawPath(dataDir: string, source: string, dataset: string, name: string): string {
  return join(dataDir, "raw", source, dataset.replace(/[^A-Za-z0-9_.-]+/g, "_"), name);
}
