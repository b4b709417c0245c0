/**
 * Decode a json-stat2 data answer into cells, after checking that it holds exactly the cells
 * that were selected. Used by the fetch step (inside the retry loop) and again by the stage
 * step on the raw files, so what is staged always passed the same checks.
 */
import {CompletenessError, SchemaError, type ErrorOrigin} from "../lib/errors.js";
import {categoryCodes, type ScbData, type ScbSelection} from "./schemas.js";
import type {ScbTable} from "./table.js";

/** One decoded cell: the columns of raw_scb__cells. */
export interface ScbCell {
  table_key: string;
  table_id: string;
  region_code: string;
  variable: string | null;
  value_code: string | null;
  value_label: string | null;
  contents_code: string;
  year: number;
  /** Tid's code when periods are not annual ("2026M01"); undefined for annual tables. */
  period?: string;
  value: number | null;
  status: string | null;
}

/** SCB's markers for a cell without a value (PxWeb data symbols "." to "......"). */
const MISSING_MARKER = /^\.{1,6}$/;

/** A cell with no value and no marker still says why it is NULL. */
const UNMARKED_MISSING = "missing";

const REQUIRED_VARIABLES = ["Region", "ContentsCode", "Tid"] as const;

/** Cells of a data answer; throws CompletenessError when a selected cell is absent or extra. */
export function decodeScbData(data: ScbData, request: ScbSelection, table: ScbTable, tableId: string, origin: ErrorOrigin): ScbCell[] {
  const what = `table ${tableId} (${table.key})`;
  const problems: string[] = [];
  const selected = new Map(request.selection.map((s) => [s.variableCode, s.valueCodes]));

  // 1. The answer's dimensions are exactly the selected variables.
  for (const v of selected.keys()) if (!data.id.includes(v)) problems.push(`variable ${v} was selected but is not in the answer`);
  for (const v of data.id) {
    if (selected.has(v)) continue;
    // A total we left out (eliminated) may still come back as a dimension holding only its total.
    if (table.totals?.includes(v) && totalCode(data, v) !== undefined) continue;
    problems.push(`the answer has variable ${v}, which was not selected`);
  }
  if (data.size.length !== data.id.length) problems.push(`size has ${data.size.length} entries for ${data.id.length} dimensions`);

  // 2. Every dimension holds exactly the selected codes.
  const codes: string[][] = [];
  const labels: Record<string, string>[] = [];
  data.id.forEach((v, i) => {
    const dim = data.dimension[v];
    if (!dim) {
      problems.push(`dimension ${v} is listed in id but missing from dimension`);
      codes.push([]);
      labels.push({});
      return;
    }
    const got = categoryCodes(dim.category);
    codes.push(got);
    labels.push(dim.category.label);
    if (!Array.isArray(dim.category.index)) {
      const positions = Object.values(dim.category.index).sort((a, b) => a - b);
      if (positions.some((p, k) => p !== k)) problems.push(`${v}: category.index positions are not 0..${got.length - 1}`);
    }
    const unlabelled = got.filter((c) => dim.category.label[c] === undefined);
    if (unlabelled.length) problems.push(`${v}: no label for ${list(unlabelled)}`);
    if (data.size[i] !== got.length) problems.push(`${v}: size says ${data.size[i]} values, category lists ${got.length}`);
    const want = selected.get(v) ?? (table.totals?.includes(v) ? [totalCode(data, v)!] : undefined);
    if (!want) return;
    const gotSet = new Set(got);
    const wantSet = new Set(want);
    const missing = want.filter((c) => !gotSet.has(c));
    const extra = got.filter((c) => !wantSet.has(c));
    if (missing.length) problems.push(`${v}: ${missing.length} selected value(s) missing: ${list(missing)}`);
    if (extra.length) problems.push(`${v}: ${extra.length} value(s) not selected: ${list(extra)}`);
  });

  // 3. One value per cell.
  const cells = data.size.reduce((n, s) => n * s, 1);
  if (data.value.length !== cells) problems.push(`value has ${data.value.length} entries, the dimensions make ${cells} cells`);
  if (problems.length) throw new CompletenessError(origin, `${what}: the answer does not hold exactly the selected cells:\n  - ${problems.join("\n  - ")}`);

  return decodeCells(data, codes, labels, table, tableId, origin);
}

/** Row-major walk (last dimension fastest) over a checked answer. */
function decodeCells(data: ScbData, codes: string[][], labels: Record<string, string>[], table: ScbTable, tableId: string, origin: ErrorOrigin): ScbCell[] {
  const dimIndex = (v: string) => data.id.indexOf(v);
  for (const v of REQUIRED_VARIABLES) {
    if (dimIndex(v) < 0) throw new SchemaError(origin, [{path: "$.id", message: `expected a ${v} dimension`, value: data.id}]);
  }
  const classVar = table.classification?.variable ?? null;
  const classIdx = classVar === null ? -1 : dimIndex(classVar);
  if (classVar !== null && classIdx < 0) throw new SchemaError(origin, [{path: "$.id", message: `expected the classification variable ${classVar}`, value: data.id}]);
  // A totals variable answered with several values (its parts beside the total): keep the total's cells only.
  const totalAt = new Map<number, number>();
  data.id.forEach((v, i) => {
    if (!table.totals?.includes(v) || v === classVar) return;
    const total = totalCode(data, v);
    if (total === undefined) throw new CompletenessError(origin, `table ${tableId} (${table.key}): ${v} is declared as a total but the answer names no eliminationValueCode and holds ${codes[i]!.length} values`);
    totalAt.set(i, codes[i]!.indexOf(total));
  });
  // Any other dimension must be held at one value: it is not kept in the cells.
  data.id.forEach((v, i) => {
    const known = (REQUIRED_VARIABLES as readonly string[]).includes(v) || v === classVar || totalAt.has(i);
    if (!known && codes[i]!.length !== 1) {
      throw new CompletenessError(origin, `table ${tableId} (${table.key}): variable ${v} has ${codes[i]!.length} values; only the classification variable ${classVar ?? "(none)"} may vary`);
    }
  });
  const tid = dimIndex("Tid");
  const monthly = table.periods === "monthly";
  const years = codes[tid]!.map((c) => {
    if (!(monthly ? /^\d{4}M(0[1-9]|1[0-2])$/ : /^\d{4}$/).test(c)) {
      throw new SchemaError(origin, [{path: "$.dimension.Tid.category.index", message: monthly ? "expected monthly periods (2026M01)" : "expected annual periods (four-digit years)", value: c}]);
    }
    return Number(c.slice(0, 4));
  });
  const region = dimIndex("Region");
  const contents = dimIndex("ContentsCode");
  const status = data.status ?? {};
  const out: ScbCell[] = [];
  const idx = new Array<number>(data.id.length).fill(0);
  const keep = () => {
    for (const [k, t] of totalAt) if (idx[k] !== t) return false;
    return true;
  };
  for (let n = 0; n < data.value.length; n++) {
    if (!keep()) {
      advance(idx, codes);
      continue;
    }
    const marker = status[String(n)] ?? null;
    const raw = data.value[n]!;
    const missing = raw === null || (marker !== null && MISSING_MARKER.test(marker));
    const classCode = classIdx >= 0 ? codes[classIdx]![idx[classIdx]!]! : null;
    out.push({
      table_key: table.key,
      table_id: tableId,
      region_code: codes[region]![idx[region]!]!,
      variable: classVar,
      value_code: classCode,
      value_label: classCode === null ? null : labels[classIdx]![classCode] ?? null,
      contents_code: codes[contents]![idx[contents]!]!,
      year: years[idx[tid]!]!,
      ...(monthly ? {period: codes[tid]![idx[tid]!]!} : {}),
      value: missing ? null : raw,
      status: missing ? (marker ?? UNMARKED_MISSING) : marker
    });
    advance(idx, codes);
  }
  return out;
}

/** Next row-major position (last dimension fastest). */
function advance(idx: number[], codes: string[][]): void {
  for (let k = idx.length - 1; k >= 0; k--) {
    if (++idx[k]! < codes[k]!.length) break;
    idx[k] = 0;
  }
}

/** The total of a variable in an answer: its eliminationValueCode, or its only value. */
function totalCode(data: ScbData, v: string): string | undefined {
  const dim = data.dimension[v];
  if (!dim) return undefined;
  const codes = categoryCodes(dim.category);
  const named = dim.extension?.eliminationValueCode;
  if (named !== undefined) return codes.includes(named) ? named : undefined;
  return codes.length === 1 ? codes[0] : undefined;
}

function list(codes: readonly string[]): string {
  return codes.length > 10 ? `${codes.slice(0, 10).join(", ")} … (${codes.length - 10} more)` : codes.join(", ");
}
