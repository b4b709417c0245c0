/** Provenance of the area indicators' SCB tables, and the source column of their tidy files. */
import type {DuckDBConnection} from "@duckdb/node-api";
import type {AreaIndicator} from "../../indicators/omraden/define.js";
import {AREA_TABLES} from "../../indicators/omraden/meta.js";
import type {SourceRef} from "../../indicators/published.js";
import {CheckError} from "../lib/errors.js";
import type {AreaSource} from "./areas-contract.js";
import {derivedLabel, loadSourceIndex, scbSource} from "./provenance.js";

/** Provenance of every input table (and of the area types); all gaps reported at once. */
export async function loadSources(conn: DuckDBConnection, indicators: readonly AreaIndicator[]): Promise<Map<string, AreaSource>> {
  const keys = [...new Set([...indicators.flatMap((i) => i.inputs.map((x) => x.slice("scb:".length))), "regso_area_type"])];
  const failures: string[] = [];
  const out = new Map<string, AreaSource>();
  const index = await loadSourceIndex(conn);
  for (const key of keys) {
    if (!AREA_TABLES[key]) {
      failures.push(`scb:${key}: not declared in indicators/omraden/meta.ts (AREA_TABLES)`);
      continue;
    }
    const resolved = scbSource(index, key);
    if (typeof resolved === "string") failures.push(`scb:${key}: ${resolved}`);
    else out.set(key, {...resolved.ref, table_key: key, table_id: resolved.table_id, label: resolved.label});
  }
  if (failures.length) throw new CheckError(failures);
  return out;
}

/** A source as the published files carry it (SourceRef), without our own keys. */
export function publishedRef({table_key: _k, table_id: _t, label: _l, ...ref}: AreaSource): SourceRef {
  return ref;
}

/**
 * The tidy files' source column of an area indicator: SCB's table for a value SCB published (a mean, a median);
 * our calculation for a share of counts, summed from DeSO where it is.
 */
export function areaSourceLabel(ind: AreaIndicator, refs: readonly AreaSource[]): string {
  if (ind.kind !== "ratio") return refs.map((r) => r.label).join("; ");
  const from = ind.source_level === "deso" && ind.level === "regso" ? "summa av DeSO-antal, " : "";
  return derivedLabel(refs.map(publishedRef), `${from}${ind.scale === 100 ? "andel" : "kvot"} av antal`);
}
