/**
 * Reuse of unchanged tidy files. Each indicator's three tidy files (CSV, CSV for Excel, Parquet) are a function of
 * its tidy rows and of the code that writes them. Publish fingerprints both per indicator; when the previous run
 * published the same fingerprint and its files are still as it wrote them (same size and mtime: untouched since),
 * they are copied from the live published directory instead of written again, as make, rsync's quick check and
 * OWID's etl (a step reruns only when the checksum of its inputs changed) do. Sweden scope's tidy files are ~125 MB
 * and took ~3 s of the publish stage; a run whose data did not change now copies them.
 * The orchestrator records the fingerprints in the new warehouse (meta_published_tidy) and reads the previous ones.
 */
import {createHash} from "node:crypto";
import {existsSync, readFileSync} from "node:fs";
import {constants, copyFile, stat} from "node:fs/promises";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {DuckDBConnection} from "@duckdb/node-api";
import {z} from "zod";
import {TIDY_COLUMNS} from "../../indicators/published.js";
import {duckdbVersion, hasTable, query} from "../lib/duckdb.js";
import {validate} from "../lib/validate.js";

/** One published tidy file as the manifest records it. */
export const PublishedTidyFile = z.strictObject({
  indicator_id: z.string().min(1),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  /** Relative to the published directory, e.g. indicators/<id>.csv. */
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  mtime_ms: z.number().nonnegative()
});
export type PublishedTidyFile = z.infer<typeof PublishedTidyFile>;

/** The previous run's tidy files: where they are live, and what it recorded of them. */
export interface PreviousTidy {
  dir: string;
  files: PublishedTidyFile[];
}

/** The code that writes the tidy files: a change to any of it (or to DuckDB) writes every file again. */
const WRITER_FILES = ["tidy.sql", "tidy-text.sql", "neutralise.sql", "index.ts", "partitioned.ts", "reuse.ts"];

let writerKey: string | undefined;

async function writerFingerprint(conn: DuckDBConnection): Promise<string> {
  if (writerKey === undefined) {
    const h = createHash("sha256").update(`duckdb ${await duckdbVersion(conn)}\n${TIDY_COLUMNS.join(",")}\n`);
    for (const f of WRITER_FILES) h.update(readFileSync(fileURLToPath(new URL(`./${f}`, import.meta.url))));
    writerKey = h.digest("hex");
  }
  return writerKey;
}

/**
 * Per indicator, a fingerprint of its tidy rows as the files hold them (tmp_publish_tidy_rows: every raw cell, the
 * value as the files print it, the reading order) and of the writing code. The CSV cells are functions of these.
 */
export async function tidyFingerprints(conn: DuckDBConnection): Promise<Map<string, string>> {
  const writer = await writerFingerprint(conn);
  const rows = await query<{id: string; n: number; h: string}>(
    conn,
    `SELECT indicator_id AS id, count(*)::INTEGER AS n,
       -- a sum of row hashes: independent of the order rows are read in (the order is in _ord)
       sum(hash(area_code, area_name, area_level, year, sex, "group", CAST(value AS VARCHAR), unit, status, source, retrieved, _ord))::VARCHAR AS h
     FROM tmp_publish_tidy_rows GROUP BY indicator_id`
  );
  return new Map(rows.map((r) => [r.id, createHash("sha256").update(`${writer}\n${r.id}\n${r.n}\n${r.h}`).digest("hex")]));
}

/**
 * The indicators whose files can be copied from the previous run: the same fingerprint, and each of its files (all of
 * `paths(id)`) recorded and still of the recorded size and mtime in previous.dir.
 */
export async function reusableIndicators(
  previous: PreviousTidy | undefined,
  fingerprints: ReadonlyMap<string, string>,
  paths: (id: string) => readonly string[]
): Promise<string[]> {
  if (!previous) return [];
  const recorded = new Map(previous.files.map((f) => [`${f.indicator_id}\u0000${f.path}`, f]));
  const ok = await Promise.all(
    [...fingerprints].map(async ([id, fingerprint]) => {
      const checks = await Promise.all(
        paths(id).map(async (path) => {
          const r = recorded.get(`${id}\u0000${path}`);
          const file = join(previous.dir, path);
          if (!r || r.fingerprint !== fingerprint || !existsSync(file)) return false;
          const st = await stat(file);
          return st.size === r.bytes && st.mtimeMs === r.mtime_ms;
        })
      );
      return checks.every(Boolean) ? [id] : [];
    })
  );
  return ok.flat().sort();
}

/** Copy the reused indicators' files from previous.dir into outDir (a copy-on-write clone where the disk offers one). */
export async function copyReused(previous: PreviousTidy, outDir: string, ids: readonly string[], paths: (id: string) => readonly string[]): Promise<void> {
  await Promise.all(ids.flatMap((id) => paths(id).map((p) => copyFile(join(previous.dir, p), join(outDir, p), constants.COPYFILE_FICLONE))));
}

/** The manifest of the tidy files now in outDir, for the next run. */
export async function tidyManifest(outDir: string, fingerprints: ReadonlyMap<string, string>, paths: (id: string) => readonly string[]): Promise<PublishedTidyFile[]> {
  return Promise.all(
    [...fingerprints].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([id, fingerprint]) =>
      paths(id).map(async (path) => {
        const st = await stat(join(outDir, path));
        return {indicator_id: id, fingerprint, path, bytes: st.size, mtime_ms: st.mtimeMs};
      })
    )
  );
}

/** The table in the warehouse that records the published tidy files (written by the orchestrator after publish). */
export const MANIFEST_TABLE = "meta_published_tidy";

/** Record the manifest in the warehouse being built. */
export async function writeTidyManifest(conn: DuckDBConnection, files: readonly PublishedTidyFile[]): Promise<void> {
  await conn.run(
    `CREATE OR REPLACE TABLE ${MANIFEST_TABLE} (indicator_id VARCHAR NOT NULL, fingerprint VARCHAR NOT NULL, path VARCHAR NOT NULL, bytes BIGINT NOT NULL, mtime_ms DOUBLE NOT NULL)`
  );
  if (files.length === 0) return;
  await conn.run(
    `INSERT INTO ${MANIFEST_TABLE} SELECT r.indicator_id, r.fingerprint, r.path, r.bytes, r.mtime_ms
     FROM (SELECT unnest(from_json($rows, '[{"indicator_id":"VARCHAR","fingerprint":"VARCHAR","path":"VARCHAR","bytes":"BIGINT","mtime_ms":"DOUBLE"}]')) AS r)`,
    {rows: JSON.stringify(files)}
  );
}

/** The manifest in the warehouse attached as `prev`, or [] when it has none (an older warehouse, or no publish). */
export async function readPreviousManifest(conn: DuckDBConnection, file: string): Promise<PublishedTidyFile[]> {
  if (!(await hasTable(conn, MANIFEST_TABLE, "prev"))) return [];
  const rows = await query(conn, `SELECT indicator_id, fingerprint, path, bytes::BIGINT::DOUBLE AS bytes, mtime_ms FROM prev.main.${MANIFEST_TABLE} ORDER BY indicator_id, path`);
  return validate(PublishedTidyFile.array(), rows, {source: "publish", dataset: MANIFEST_TABLE, file});
}
