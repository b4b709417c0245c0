/**
 * Turn a table declaration into an explicit selection (codes, never wildcards, so the cells
 * can be counted and checked), and split it along Region so no request exceeds maxDataCells.
 */
import {PipelineError, type ErrorOrigin} from "../lib/errors.js";
import {categoryCodes, type ScbMetadata, type ScbSelection} from "./schemas.js";
import {COUNTY_CODE, type RegionLevel, type ScbTable, type ValueSelection} from "./table.js";

export type Selection = ScbSelection["selection"];

/** Area codes of the county per level: RegSO 0680R024, DeSO 0680C1070 (DeSO 2018 / RegSO 2020). */
export const REGION_PATTERN: Record<RegionLevel, RegExp> = {
  regso: new RegExp(`^${COUNTY_CODE}\\d{2}R\\d{3}$`),
  // DeSO 2018 and DeSO 2025 codes share the pattern (2025 splits use the last digit: 0680C1071).
  deso: new RegExp(`^${COUNTY_CODE}\\d{2}[ABC]\\d{4}$`),
  // SCB's Region also carries Riket (00), län (06) and kommun codes (0680) in one list (TAB6471_metadata.json).
  municipality: new RegExp(`^${COUNTY_CODE}\\d{2}$`)
};

/** Explicit codes for every variable of the table, in the metadata's order; eliminable variables not declared are left out. */
export function buildSelection(table: ScbTable, meta: ScbMetadata, tableId: string, origin: ErrorOrigin): Selection {
  const fail = (msg: string) => new PipelineError(origin, `table ${tableId} (${table.key}): ${msg}`);
  const declared = new Map<string, ValueSelection>(Object.entries(table.fixed ?? {}));
  if (table.classification) declared.set(table.classification.variable, table.classification.values);
  if (!declared.has("ContentsCode")) declared.set("ContentsCode", table.contents ?? {all: true});
  declared.set("Tid", {all: true});
  for (const v of [...declared.keys(), ...(table.totals ?? []), "Region"]) {
    if (!meta.id.includes(v)) throw fail(`variable ${v} is declared but the table has ${meta.id.join(", ")}`);
  }
  const selection: Selection = [];
  for (const v of meta.id) {
    const dim = meta.dimension[v];
    if (!dim) throw fail(`metadata lists ${v} in id but has no such dimension`);
    const codes = categoryCodes(dim.category);
    let picked: string[];
    if (v === "Region") {
      picked = codes.filter((c) => table.regions.some((level) => REGION_PATTERN[level].test(c)));
      if (!picked.length) throw fail(`no ${table.regions.join("/")} codes of county ${COUNTY_CODE} among the ${codes.length} Region values`);
    } else if (table.totals?.includes(v)) {
      // The total as the spec defines it: leave an eliminable variable out; else select its eliminationValueCode.
      if (dim.extension?.elimination === true) continue;
      const total = dim.extension?.eliminationValueCode;
      if (total === undefined || !codes.includes(total)) {
        throw fail(`${v} is declared as a total but is not eliminable and names no eliminationValueCode among ${codes.join(", ")}`);
      }
      picked = [total];
    } else {
      const sel = declared.get(v);
      if (!sel) {
        // An eliminable variable we do not need: leaving it out asks SCB for its total.
        if (dim.extension?.elimination === true) continue;
        throw fail(`variable ${v} cannot be eliminated and is not declared in data-loaders/scb/tables/${table.key}.ts`);
      }
      picked = pick(sel, codes, dim.category.label, (msg) => fail(`${v}: ${msg}`));
      if (table.fixed?.[v] && picked.length !== 1) throw fail(`${v} is declared fixed but selects ${picked.length} values`);
    }
    selection.push({variableCode: v, valueCodes: picked});
  }
  return selection;
}

function pick(sel: ValueSelection, codes: string[], labels: Record<string, string>, fail: (msg: string) => Error): string[] {
  if ("all" in sel) return codes;
  // Explicit codes go out as given: the API itself rejects an unknown code (400 Non-existent value).
  if ("codes" in sel) return [...sel.codes];
  const norm = (s: string) => s.trim().toLowerCase();
  return sel.labels.map((label) => {
    const hits = codes.filter((c) => norm(labels[c] ?? "") === norm(label));
    if (hits.length !== 1) {
      throw fail(`label "${label}" matches ${hits.length} values; labels are ${codes.map((c) => `"${labels[c]}"`).join(", ")}`);
    }
    return hits[0]!;
  });
}

/** Number of cells a selection asks for. */
export function cellCount(selection: Selection): number {
  return selection.reduce((n, s) => n * s.valueCodes.length, 1);
}

/** Split along Region into requests of at most maxCells cells each. */
export function splitSelection(selection: Selection, maxCells: number, origin: ErrorOrigin): Selection[] {
  const region = selection.find((s) => s.variableCode === "Region");
  if (!region) throw new PipelineError(origin, "a selection without Region cannot be split");
  const perRegion = cellCount(selection) / region.valueCodes.length;
  const regionsPerRequest = Math.floor(maxCells / perRegion);
  if (regionsPerRequest < 1) {
    throw new PipelineError(origin, `one region alone needs ${perRegion} cells, more than maxDataCells ${maxCells}: split along another variable`);
  }
  const parts: Selection[] = [];
  for (let i = 0; i < region.valueCodes.length; i += regionsPerRequest) {
    const codes = region.valueCodes.slice(i, i + regionsPerRequest);
    parts.push(selection.map((s) => (s === region ? {variableCode: s.variableCode, valueCodes: codes} : s)));
  }
  return parts;
}
