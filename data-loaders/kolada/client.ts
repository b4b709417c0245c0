/**
 * Kolada API v3 client: metadata of the tracked KPIs, all areas, and the KPI values (all years) for
 * the scope's areas. Ids are chunked to ≤ 25 per path segment, pages are followed via next_url, every
 * body is kept verbatim in the raw layer and validated page by page inside the retry loop.
 */
import pLimit from "p-limit";
import type {z} from "zod";
import {CompletenessError, PipelineError, type ErrorOrigin} from "../lib/errors.js";
import {getRaw, settleAll, type FetchContext} from "../lib/fetcher.js";
import {parseJsonBody} from "../lib/http.js";
import {progress, warn} from "../lib/log.js";
import {commitRaw, rawPath, requestKey, type StagedRaw} from "../lib/raw-cache.js";
import type {FetchedDataset, RawFileRef, Scope} from "../lib/types.js";
import {validate} from "../lib/validate.js";
import {KOLADA_COUNTRY, KOLADA_COUNTY, selectAreaIds} from "./areas.js";
import {KoladaDataPage, KoladaKpiPage, KoladaMunicipalityPage} from "./schemas.js";

export const KOLADA_PUBLISHER = "Kolada (RKA, Rådet för främjande av kommunala analyser)";
/**
 * Kolada names no licence such as CC0 or CC BY. Its API terms of use (kolada.se/om-oss/api, read from
 * a stored copy of unknown date, not checked live) allow free use without agreement, also commercially,
 * with "Källa: Kolada" as attribution, and forbid naming Kolada as the source of one's own processing.
 */
export const KOLADA_LICENCE =
  "Öppna data från Kolada (RKA) enligt Koladas användarvillkor (kolada.se/om-oss/api): fri användning utan avgift " +
  "eller avtal, även kommersiellt; ange \"Källa: Kolada\"; egna bearbetningar får inte anges med Kolada som källa";

/** Kolada rejects more ids than this in one path segment (400). */
export const MAX_IDS_PER_SEGMENT = 25;
/** Kolada's largest page. */
export const MAX_PER_PAGE = 5000;
/** Guard against a server whose next_url never ends. */
const MAX_PAGES = 10_000;

/** A body parser for getRaw: throws ParseError (not JSON, HTML page) or SchemaError (zod). */
export type PageParser<P> = (body: Buffer, contentType: string | null, origin: ErrorOrigin) => P;

/** Parse a Kolada body as JSON and validate it against a page schema. */
export function pageParser<S extends z.ZodType>(schema: S): PageParser<z.infer<S>> {
  return (body, contentType, origin) => validate(schema, parseJsonBody(origin, body, contentType), origin);
}

export interface PagedResult<P> {
  pages: P[];
  files: RawFileRef[];
  /** URL of the first page against the current base (for error messages). */
  url: string;
}

/**
 * Fetch every page of one Kolada list request (`relPath` relative to the base URL). Raw files are
 * named by the request (path + per_page) and the page number, never by host, so a re-run against
 * another base reuses them; a reused page's successor is read from its own file.
 */
export async function fetchPages<P extends {next_url?: string | null | undefined}>(
  ctx: FetchContext,
  dataset: string,
  relPath: string,
  parse: PageParser<P>,
  onPage?: (hasNext: boolean) => void
): Promise<PagedResult<P>> {
  const perPage = ctx.config.koladaPerPage;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw new Error(`koladaPerPage must be an integer in 1..${MAX_PER_PAGE}, got ${perPage}`);
  }
  const base = ctx.config.koladaBase;
  const firstRel = `${relPath}?per_page=${perPage}`;
  const key = requestKey(firstRel);
  const first = base + firstRel;
  const pages: P[] = [];
  const files: RawFileRef[] = [];
  let url = first;
  // The pages of one series go live together (all old or all new), never mixed from two fetches.
  const batch: StagedRaw[] = [];
  for (let n = 1; ; n++) {
    const origin = {source: "kolada", dataset: `kolada:${dataset}`, url};
    const file = rawPath(ctx.config.dataDir, "kolada", dataset, `${key}-p${String(n).padStart(4, "0")}.json`);
    const {data, meta, reused} = await getRaw(ctx, {origin, file, publisher: KOLADA_PUBLISHER, licence: KOLADA_LICENCE, batch}, parse);
    pages.push(data);
    files.push({file, url: meta.url, fetched_at: meta.fetched_at, sha256: meta.sha256, publisher: meta.publisher, licence: meta.licence, reused});
    const next = data.next_url;
    onPage?.(Boolean(next));
    if (!next) break;
    const nextUrl = continuation(base, relPath, next, meta.url, {...origin, url: meta.url, file});
    if (nextUrl === url || n >= MAX_PAGES) {
      throw new PipelineError({...origin, file}, `paging does not advance: next_url ${next} after page ${n}`);
    }
    url = nextUrl;
  }
  await commitRaw(batch);
  return {pages, files, url: first};
}

/** next_url rebased onto the current base: only its query (page, per_page) is taken from the server. */
function continuation(base: string, relPath: string, next: string, current: string, origin: ErrorOrigin): string {
  const u = new URL(next, current);
  if (!decodeURIComponent(u.pathname).endsWith(relPath)) {
    throw new PipelineError(origin, `next_url ${next} does not continue the request ${relPath}`);
  }
  return base + relPath + u.search;
}

/** What one values page contributed (the rows themselves are staged from the raw file). */
interface ValuesPage {
  next_url?: string | null | undefined;
  /** Gender values validated, deleted ones included. */
  values: number;
  /** KPIs and areas with at least one value that is not deleted. */
  kpis: Set<string>;
  areas: Set<string>;
}

/** Validate a values page and keep only a summary, so a whole scope never sits in memory. */
function valuesParser(kpis: readonly string[], areas: readonly string[]): PageParser<ValuesPage> {
  const parse = pageParser(KoladaDataPage);
  const wantKpi = new Set(kpis);
  const wantArea = new Set(areas);
  return (body, contentType, origin) => {
    const page = parse(body, contentType, origin);
    const out: ValuesPage = {next_url: page.next_url, values: 0, kpis: new Set(), areas: new Set()};
    for (const [i, row] of page.values.entries()) {
      // A lenient server may answer other ids than asked for (e.g. case-folded); never stage them silently.
      if (!wantKpi.has(row.kpi) || !wantArea.has(row.municipality)) {
        throw new PipelineError(origin, `row $.values[${i}] is for KPI ${row.kpi} / area ${row.municipality}, which this request did not ask for`);
      }
      out.values += row.values.length;
      if (row.values.some((v) => v.isdeleted !== true)) {
        out.kpis.add(row.kpi);
        out.areas.add(row.municipality);
      }
    }
    return out;
  };
}

export interface FetchKoladaOptions {
  scope: Scope;
  /** KPIs that must come back with values and metadata. */
  kpis: readonly string[];
  /** KPIs fetched as well, but allowed to come back empty (a warning, not an error). */
  optionalKpis?: readonly string[];
}

/** Fetch KPI metadata, areas and values for a scope; datasets kolada:kpi, kolada:municipality, kolada:values. */
export async function fetchKolada(ctx: FetchContext, opts: FetchKoladaOptions): Promise<FetchedDataset[]> {
  const optional = new Set(opts.optionalKpis ?? []);
  const kpiIds = [...new Set([...opts.kpis, ...optional])].sort();
  if (kpiIds.length === 0) throw new Error("fetchKolada: no KPIs requested");
  const limit = pLimit({concurrency: ctx.config.concurrency, rejectOnClear: true});
  const failFast = <T>(p: Promise<T>): Promise<T> =>
    p.catch((e: unknown) => {
      // Stop queued requests at the first error instead of fetching the rest for nothing.
      limit.clearQueue();
      throw e;
    });

  const municipality = await fetchPages(ctx, "municipality", "/municipality", pageParser(KoladaMunicipalityPage));
  const areas = municipality.pages.flatMap((p) => p.values);
  const areaIds = selectAreaIds(areas, opts.scope);
  checkScope(areaIds, opts.scope, municipality.url);

  const kpiChunks = chunk(kpiIds, MAX_IDS_PER_SEGMENT);
  const series = kpiChunks.flatMap((k) =>
    chunk(areaIds, MAX_IDS_PER_SEGMENT).map((a) => ({kpis: k, areas: a, path: `/data/kpi/${k.join(",")}/municipality/${a.join(",")}`}))
  );
  const bar = progress("kolada values", series.length);
  // Every request settles before a failure is thrown: no page commit is left in flight.
  const kpiLists$ = settleAll(kpiChunks.map((k) => failFast(limit(() => fetchPages(ctx, "kpi", `/kpi/${k.join(",")}`, pageParser(KoladaKpiPage))))));
  const valueLists$ = settleAll(
    series.map((s) =>
      failFast(
        limit(() =>
          fetchPages(ctx, "values", s.path, valuesParser(s.kpis, s.areas), (hasNext) => {
            if (hasNext) bar.addTotal(1);
            bar.tick();
          })
        )
      )
    )
  );
  await settleAll<unknown>([kpiLists$, valueLists$]).finally(() => bar.stop());
  const [kpiLists, valueLists] = [await kpiLists$, await valueLists$];

  const kpis = kpiLists.flatMap((l) => l.pages.flatMap((p) => p.values));
  const failures: {message: string; urls: string[]}[] = [];
  for (const [i, list] of kpiLists.entries()) {
    const asked = kpiChunks[i]!;
    const got = new Set(list.pages.flatMap((p) => p.values.map((k) => k.id)));
    for (const id of asked) {
      if (got.has(id)) continue;
      if (optional.has(id)) warn(`kolada: optional KPI ${id} has no metadata (${list.url})`);
      else failures.push({message: `KPI ${id}: missing from the /kpi answer`, urls: [list.url]});
    }
    for (const id of got) {
      if (!asked.includes(id)) failures.push({message: `KPI ${id}: in the /kpi answer but not requested`, urls: [list.url]});
    }
  }

  const seenKpis = new Set<string>();
  const seenAreas = new Set<string>();
  let rows = 0;
  for (const list of valueLists) {
    for (const p of list.pages) {
      rows += p.values;
      for (const k of p.kpis) seenKpis.add(k);
      for (const a of p.areas) seenAreas.add(a);
    }
  }
  const urlsWith = (pick: (s: (typeof series)[number]) => boolean) => valueLists.filter((_, i) => pick(series[i]!)).map((l) => l.url);
  for (const id of kpiIds) {
    if (seenKpis.has(id)) continue;
    const urls = urlsWith((s) => s.kpis.includes(id));
    if (optional.has(id)) warn(`kolada: optional KPI ${id} has no values in scope ${opts.scope} (${urls.join(" ")})`);
    else failures.push({message: `KPI ${id}: no values for any requested area (a mistyped or retired id?)`, urls});
  }
  for (const id of areaIds) {
    if (!seenAreas.has(id)) failures.push({message: `area ${id}: no values for any requested KPI`, urls: urlsWith((s) => s.areas.includes(id))});
  }
  if (failures.length) {
    throw new CompletenessError(
      {source: "kolada", dataset: "kolada:values", url: failures[0]!.urls[0]},
      `${failures.length} requested series came back empty or unexpected:\n` +
        failures.map((f) => `  - ${f.message}\n${f.urls.map((u) => `      ${u}`).join("\n")}`).join("\n")
    );
  }

  return [
    {id: "kolada:kpi", source: "kolada", files: kpiLists.flatMap((l) => l.files), rows: kpis.length},
    {id: "kolada:municipality", source: "kolada", files: municipality.files, rows: areas.length},
    {id: "kolada:values", source: "kolada", files: valueLists.flatMap((l) => l.files), rows}
  ];
}

/** The county scope needs Riket, the region and its municipalities in /municipality. */
function checkScope(areaIds: readonly string[], scope: Scope, url: string): void {
  const missing = [KOLADA_COUNTRY, ...(scope === "county" ? [KOLADA_COUNTY] : [])].filter((id) => !areaIds.includes(id));
  const municipalities = areaIds.filter((id) => id !== KOLADA_COUNTRY && !id.startsWith("00"));
  if (missing.length || municipalities.length === 0) {
    throw new CompletenessError(
      {source: "kolada", dataset: "kolada:municipality", url},
      `/municipality lacks areas of scope ${scope}: ${[...missing, ...(municipalities.length ? [] : ["any municipality"])].join(", ")}`
    );
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
