/**
 * The DeSO 2018 → RegSO 2020 key for Jönköping county (SCB), which no API serves: read from the
 * reference directory, validated, and copied verbatim into the raw layer with a sidecar, so a
 * run's provenance names it like any fetched file.
 */
import {readFile} from "node:fs/promises";
import {basename, join} from "node:path";
import {pathToFileURL} from "node:url";
import {z} from "zod";
import {ParseError, type ErrorOrigin} from "../lib/errors.js";
import type {FetchContext} from "../lib/fetcher.js";
import {rawPath, readRaw, writeRaw, type RawMeta} from "../lib/raw-cache.js";
import type {FetchedDataset} from "../lib/types.js";
import {validate} from "../lib/validate.js";
import {COUNTY_CODE, SCB_LICENCE, SCB_PUBLISHER} from "../scb/table.js";
import {csvObjects} from "./csv.js";

export const DESO_REGSO_KEY_ID = "reference:deso_regso_key";
/** Path below the reference directory. */
export const DESO_REGSO_KEY_FILE = join("scb-delmos-omradestyp-2022", "koppling_deso2018_regso2020_lan06.csv");

const KEY_COLUMNS = ["Kommun", "Kommunnamn", "DeSO_2018", "RegSO_2020", "RegSOkod_2020"] as const;
/** The header row, column by column. */
const KeyHeader = z.tuple([z.literal("Kommun"), z.literal("Kommunnamn"), z.literal("DeSO_2018"), z.literal("RegSO_2020"), z.literal("RegSOkod_2020")]);

export const DesoRegsoKeyRow = z
  .object({
    Kommun: z.string().regex(new RegExp(`^${COUNTY_CODE}\\d{2}$`), "a municipality code of the county"),
    Kommunnamn: z.string().min(1),
    DeSO_2018: z.string().regex(/^\d{4}[ABC]\d{4}$/, "a DeSO 2018 code such as 0680C1070"),
    RegSO_2020: z.string().min(1),
    RegSOkod_2020: z.string().regex(/^\d{4}R\d{3}$/, "a RegSO 2020 code such as 0680R024")
  })
  .superRefine((r, ctx) => {
    if (!r.DeSO_2018.startsWith(r.Kommun)) ctx.addIssue({code: "custom", path: ["DeSO_2018"], message: `DeSO outside municipality ${r.Kommun}`});
    if (!r.RegSOkod_2020.startsWith(r.Kommun)) ctx.addIssue({code: "custom", path: ["RegSOkod_2020"], message: `RegSO outside municipality ${r.Kommun}`});
  });
export type DesoRegsoKeyRow = z.infer<typeof DesoRegsoKeyRow>;

const DesoRegsoKey = z.array(DesoRegsoKeyRow).min(1).superRefine((rows, ctx) => {
  const seen = new Set<string>();
  const regsoName = new Map<string, string>();
  rows.forEach((r, i) => {
    if (seen.has(r.DeSO_2018)) ctx.addIssue({code: "custom", path: [i, "DeSO_2018"], message: "DeSO listed twice"});
    seen.add(r.DeSO_2018);
    const name = regsoName.get(r.RegSOkod_2020);
    if (name !== undefined && name !== r.RegSO_2020) ctx.addIssue({code: "custom", path: [i, "RegSO_2020"], message: `RegSO ${r.RegSOkod_2020} also named "${name}"`});
    regsoName.set(r.RegSOkod_2020, r.RegSO_2020);
  });
});

/** Parse and validate the key file (UTF-8 with BOM, CRLF). Row paths count data rows from 0. */
export function parseDesoRegsoKey(body: Buffer, origin: ErrorOrigin): DesoRegsoKeyRow[] {
  return validate(DesoRegsoKey, csvObjects(body, origin, KEY_COLUMNS, KeyHeader), origin);
}

/** Copy the key into the raw layer (or reuse the raw copy unless --refresh); a local file, so --offline may copy it. */
export function fetchDesoRegsoKey(ctx: FetchContext): Promise<FetchedDataset> {
  return copyReference(ctx, {id: DESO_REGSO_KEY_ID, relFile: DESO_REGSO_KEY_FILE, parse: parseDesoRegsoKey});
}

/**
 * Copy a reference file (one no API serves) into the raw layer with a sidecar, validated first so an invalid
 * file never enters it; reuse the raw copy unless --refresh.
 */
export async function copyReference(
  ctx: FetchContext,
  spec: {id: string; relFile: string; parse: (body: Buffer, origin: ErrorOrigin) => unknown[]}
): Promise<FetchedDataset> {
  const source = join(ctx.config.referenceDir, spec.relFile);
  const file = rawPath(ctx.config.dataDir, "reference", spec.id.replace(/^reference:/, ""), basename(spec.relFile));
  const origin: ErrorOrigin = {source: "reference", dataset: spec.id, file};
  let meta: RawMeta;
  let rows: unknown[];
  let reused = false;
  const cached = ctx.refresh ? undefined : await readRaw(file);
  if (cached) {
    ctx.stats.reused++;
    rows = spec.parse(cached.body, origin);
    meta = cached.meta;
    reused = true;
  } else {
    const body = await readFile(source);
    const url = pathToFileURL(source).href;
    rows = spec.parse(body, {...origin, url, file: source});
    meta = await writeRaw(file, body, {
      source: "reference",
      dataset: spec.id,
      url,
      method: "GET",
      // Not an HTTP exchange: 0 marks a copied local file.
      http_status: 0,
      content_type: "text/csv; charset=utf-8",
      fetched_at: new Date().toISOString(),
      publisher: SCB_PUBLISHER,
      licence: SCB_LICENCE,
      attempts: 1
    });
  }
  return {
    id: spec.id,
    source: "reference",
    files: [{file, url: meta.url, fetched_at: meta.fetched_at, sha256: meta.sha256, publisher: meta.publisher, licence: meta.licence, reused}],
    rows: rows.length
  };
}
