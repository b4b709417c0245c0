/**
 * Test helper: re-code a json-stat2 answer of SCB from DeSO 2018 to DeSO 2025 codes, as SCB's tables answer
 * since their move to the 2025 edition. Each split DeSO 2018 becomes its two 2025 parts (in its place in the
 * category order); a count is divided between them (`divide`) (floor of half and the rest, so the parts sum to the
 * parent exactly); a missing value and its status go to both. The numbers are the simulator's, only re-coded.
 */
interface Category {
  index: Record<string, number> | string[];
  label?: Record<string, string>;
  [k: string]: unknown;
}
interface JsonStat {
  id: string[];
  size: number[];
  dimension: Record<string, {category: Category; [k: string]: unknown}>;
  value: (number | null)[];
  status?: Record<string, string> | string[] | null;
  [k: string]: unknown;
}

/** The re-coded body, and how many parents were split in it. */
export function recodeToDeso2025(body: string, partsOf: ReadonlyMap<string, readonly [string, string]>, opts: {divide: boolean}): {body: string; split: number} {
  const js = JSON.parse(body) as JsonStat;
  const r = js.id.indexOf("Region");
  if (r < 0) return {body, split: 0};
  const cat = js.dimension.Region!.category;
  const codes = Array.isArray(cat.index) ? cat.index : Object.entries(cat.index).sort((a, b) => a[1] - b[1]).map(([c]) => c);
  // new position → [old position, part (0 = whole, 1 = first part, 2 = second part)]
  const mapping: [number, 0 | 1 | 2][] = [];
  const newCodes: string[] = [];
  const labels: Record<string, string> = {};
  let split = 0;
  codes.forEach((code, i) => {
    const parts = partsOf.get(code);
    const label = cat.label?.[code] ?? code;
    if (!parts) {
      mapping.push([i, 0]);
      newCodes.push(code);
      labels[code] = label;
      return;
    }
    split++;
    parts.forEach((p, k) => {
      mapping.push([i, (k + 1) as 1 | 2]);
      newCodes.push(p);
      labels[p] = `${label} (del ${k + 1})`;
    });
  });
  const oldSize = js.size;
  const newSize = oldSize.map((s, d) => (d === r ? newCodes.length : s));
  const strides = (size: number[]) => size.map((_, d) => size.slice(d + 1).reduce((a, b) => a * b, 1));
  const [oldStride, newStride] = [strides(oldSize), strides(newSize)];
  const total = newSize.reduce((a, b) => a * b, 1);
  if (!Array.isArray(js.value) || js.value.length !== oldSize.reduce((a, b) => a * b, 1)) {
    // a metadata answer without its values: the categories only
    cat.index = Object.fromEntries(newCodes.map((c, i) => [c, i]));
    if (cat.label) cat.label = labels;
    js.size = newSize;
    return {body: JSON.stringify(js), split};
  }
  const oldStatus = js.status && !Array.isArray(js.status) ? js.status : null;
  const value: (number | null)[] = new Array(total);
  const status: Record<string, string> = {};
  for (let n = 0; n < total; n++) {
    let old = 0;
    let part: 0 | 1 | 2 = 0;
    for (let d = 0; d < newSize.length; d++) {
      const pos = Math.floor(n / newStride[d]!) % newSize[d]!;
      if (d === r) {
        const [o, p] = mapping[pos]!;
        old += o * oldStride[d]!;
        part = p;
      } else old += pos * oldStride[d]!;
    }
    const v = js.value[old] ?? null;
    const half = v === null ? null : Math.floor(v / 2);
    // a count is divided; a median or mean is given to both parts as it is
    value[n] = v === null || part === 0 || !opts.divide ? v : part === 1 ? half : v - half!;
    const s = oldStatus?.[String(old)] ?? (Array.isArray(js.status) ? js.status[old] : undefined);
    if (s !== undefined && s !== null) status[String(n)] = s;
  }
  cat.index = Object.fromEntries(newCodes.map((c, i) => [c, i]));
  if (cat.label) cat.label = labels;
  js.size = newSize;
  js.value = value;
  if (js.status !== undefined && js.status !== null) js.status = Array.isArray(js.status) ? value.map((_, n) => status[String(n)] ?? null) as string[] : status;
  return {body: JSON.stringify(js), split};
}

/** A PxWebApi 2.0 query (the raw sidecar's `query`) re-coded the same way: the Region selection names the parts. */
export function recodeSelection(query: unknown, partsOf: ReadonlyMap<string, readonly [string, string]>): unknown {
  const q = structuredClone(query) as {selection?: {variableCode: string; valueCodes: string[]}[]};
  for (const sel of q.selection ?? []) {
    if (sel.variableCode === "Region") sel.valueCodes = sel.valueCodes.flatMap((c) => [...(partsOf.get(c) ?? [c])]);
  }
  return q;
}
