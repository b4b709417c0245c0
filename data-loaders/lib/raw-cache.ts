/**
 * The raw layer: every response body kept verbatim with a sidecar (URL, query, status,
 * fetched_at UTC, sha256, publisher, licence). Files are keyed by the request, not by the
 * host, so a re-run against another base URL (or port) reuses them.
 */
import {createHash} from "node:crypto";
import {mkdir, readdir, readFile, rename, rm, writeFile} from "node:fs/promises";
import {existsSync} from "node:fs";
import {basename, dirname, join} from "node:path";
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

/** A body and its sidecar written to temporary files, not yet live (see commitRaw). */
export interface StagedRaw {
  file: string;
  meta: RawMeta;
  /** Temporary file → final file, body and sidecar. */
  renames: readonly [string, string][];
}

/** Suffix of temporary raw files; `recoverRaw` removes any left by a crashed run. */
const TMP_SUFFIX = ".new";
/** A commit journal: its presence means "these renames were decided; finish them". */
const JOURNAL_PREFIX = ".commit-";

let stagedSeq = 0;

/** Write a body and its sidecar to temporary files beside their final names (nothing live changes yet). */
export async function stageRaw(file: string, body: Buffer, meta: Omit<RawMeta, "sha256" | "bytes">): Promise<StagedRaw> {
  await mkdir(dirname(file), {recursive: true});
  const full: RawMeta = {...meta, sha256: sha256(body), bytes: body.length};
  const tag = `.${process.pid}-${++stagedSeq}${TMP_SUFFIX}`;
  const tmpBody = `${file}${tag}`;
  const tmpMeta = `${file}.meta.json${tag}`;
  await writeFile(tmpBody, body);
  await writeFile(tmpMeta, JSON.stringify(full, null, 2));
  return {file, meta: full, renames: [[tmpBody, file], [tmpMeta, `${file}.meta.json`]]};
}

/**
 * Make staged files live together: a journal listing every rename is written first, then the renames,
 * then the journal is removed. A crash before the journal leaves only temporary files (the old pairs stay
 * live); a crash after it is finished by the next run (recoverRaw). So a body never goes live without its
 * sidecar, and the pages of one series are all old or all new.
 */
export async function commitRaw(staged: readonly StagedRaw[]): Promise<void> {
  if (!staged.length) return;
  const dir = dirname(staged[0]!.file);
  const journal = join(dir, `${JOURNAL_PREFIX}${process.pid}-${++stagedSeq}.json`);
  const renames = staged.flatMap((s) => s.renames);
  await writeFile(`${journal}${TMP_SUFFIX}`, JSON.stringify(renames));
  await rename(`${journal}${TMP_SUFFIX}`, journal);
  for (const [from, to] of renames) await rename(from, to);
  await rm(journal);
}

/** Write a body and its sidecar so that a crash can never leave one without the other. */
export async function writeRaw(file: string, body: Buffer, meta: Omit<RawMeta, "sha256" | "bytes">): Promise<RawMeta> {
  const staged = await stageRaw(file, body, meta);
  await commitRaw([staged]);
  return staged.meta;
}

/**
 * After a crash (called under the run lock, before anything reads the raw layer): finish every commit
 * whose journal was written, then delete the temporary files of uncommitted ones. Returns what it did.
 */
export async function recoverRaw(rawDir: string): Promise<{finished: number; removed: number}> {
  if (!existsSync(rawDir)) return {finished: 0, removed: 0};
  const entries = await readdir(rawDir, {recursive: true, withFileTypes: true});
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  let finished = 0;
  for (const journal of files.filter((f) => basename(f).startsWith(JOURNAL_PREFIX) && f.endsWith(".json") && existsSync(f))) {
    const renames = z.array(z.tuple([z.string(), z.string()])).parse(JSON.parse(await readFile(journal, "utf8")));
    for (const [from, to] of renames) {
      if (existsSync(from)) {
        await rename(from, to);
        finished++;
      }
    }
    await rm(journal);
  }
  let removed = 0;
  for (const f of files.filter((f) => f.endsWith(TMP_SUFFIX) || /\.\d+\.tmp(\.meta)?$/.test(f))) {
    if (existsSync(f)) {
      await rm(f, {force: true});
      removed++;
    }
  }
  return {finished, removed};
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
