/**
 * Generates kolada-bounds.generated.ts: plausible bounds per fetched Kolada KPI, derived ONCE from the KPI's
 * national history (all 312 geographies, both genders and the total, every year in ../shared's Kolada dump) and
 * widened by a stated margin. Run after changing the fetch set (data-loaders/kolada/kpis.ts):
 *   npx tsx data-loaders/plausibility/make-kolada-bounds.ts
 * Kolada has no unit field, and some "andel (%)" KPIs are legitimately negative or above 100 (net migration,
 * deviation from a modelled value, a share of costs that can be negative): those are listed in REVIEWED with
 * the reason their history-based bounds are kept.
 */
import {createReadStream, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {createInterface} from "node:readline";
import {createGunzip} from "node:zlib";
import {PROJECT_ROOT} from "../lib/config.js";
import {KOLADA_KPIS} from "../kolada/kpis.js";
import {parseCsv} from "../reference/csv.js";

const DUMP = join(PROJECT_ROOT, "..", "shared", "data", "raw", "kolada-ddf-dump");
const HISTORY_FILES = ["kolada_sweden_selected_long.csv.gz", "kolada_sweden_structural_long.csv.gz"];
const OUT = join(PROJECT_ROOT, "data-loaders", "plausibility", "kolada-bounds.generated.ts");

/** The margin: half the observed national range beyond each end of it. */
export const MARGIN = 0.5;

/** KPIs whose history is negative or above 100 % although the title says "andel (%)" or "antal", reviewed by hand. */
export const REVIEWED: Record<string, string> = {
  N00486: "deviation from the expected value (Kolada's model): negative when below expectation",
  N01806: "net international migration (antal): negative when more emigrate than immigrate",
  N02102: "net international migration as a share of the population: negative like N01806",
  N18008: "net cost of SFI per inhabitant: negative when state grants exceed the cost",
  N40007: "cost of refugee reception per inhabitant: negative after repayments and corrections in the accounts",
  N40010: "net cost of refugee reception per inhabitant: negative when state compensation exceeds the cost",
  N40014: "municipality's purchases as a share of refugee-reception cost: the accounts give negative shares and shares above 100",
  N18406: "share of SFI participants on study path 1: 100.1 in the dump (rounding in Kolada's source), so the upper bound is not clamped at 100",
  U15457: "deviation from a modelled value (percentage points): negative when below the model",
  U15459: "deviation from a modelled value (merit points): negative when below the model",
  U15461: "deviation from a modelled value (percentage points): negative when below the model"
};

async function history(): Promise<Map<string, {min: number; max: number; n: number; first: number; last: number}>> {
  const out = new Map<string, {min: number; max: number; n: number; first: number; last: number}>();
  for (const f of HISTORY_FILES) {
    const rl = createInterface({input: createReadStream(join(DUMP, f)).pipe(createGunzip())});
    let header: string[] | undefined;
    for await (const line of rl) {
      const cells = line.split(",");
      if (!header) {
        header = cells;
        continue;
      }
      const [kpi, value, year] = [cells[header.indexOf("kpi")]!, cells[header.indexOf("value")]!, Number(cells[header.indexOf("year")])];
      if (value === "") continue;
      const v = Number(value);
      const s = out.get(kpi);
      if (!s) out.set(kpi, {min: v, max: v, n: 1, first: year, last: year});
      else {
        s.min = Math.min(s.min, v);
        s.max = Math.max(s.max, v);
        s.n++;
        s.first = Math.min(s.first, year);
        s.last = Math.max(s.last, year);
      }
    }
  }
  return out;
}

const round = (v: number) => Number(v.toPrecision(6));

async function main(): Promise<void> {
  const titles = new Map(
    parseCsv(readFileSync(join(DUMP, "kolada_kpi_metadata_selected.csv"), "utf8"))
      .slice(1)
      .map((r) => [r[0]!, r[2]!])
  );
  const hist = await history();
  const rows: string[] = [];
  const problems: string[] = [];
  for (const kpi of KOLADA_KPIS) {
    const h = hist.get(kpi);
    if (!h) {
      problems.push(`${kpi}: no national history in ${HISTORY_FILES.join(", ")}`);
      continue;
    }
    const title = titles.get(kpi) ?? "";
    const share = /andel \(%\)/.test(title);
    const range = Math.max(h.max - h.min, Math.abs(h.max) * 0.1, 1);
    let min = h.min - MARGIN * range;
    let max = h.max + MARGIN * range;
    // Never negative in its history: a count, share, cost or rate that cannot be negative.
    if (h.min >= 0) min = 0;
    // A share whose history stayed within 100 % stays within 100 %.
    if (share && h.max <= 100 && !(kpi in REVIEWED)) max = 100;
    const odd = (h.min < 0 || (share && h.max > 100)) && !(kpi in REVIEWED);
    if (odd) problems.push(`${kpi} "${title}": history ${h.min}..${h.max} is negative or above 100 % and not reviewed (add it to REVIEWED)`);
    rows.push(
      `  ${kpi}: {min: ${round(min)}, max: ${round(max)}, history: [${round(h.min)}, ${round(h.max)}], years: [${h.first}, ${h.last}], n: ${h.n}${kpi in REVIEWED ? `, reviewed: ${JSON.stringify(REVIEWED[kpi])}` : ""}}, // ${title.replace(/\s+/g, " ")}`
    );
  }
  if (problems.length) throw new Error(`cannot derive bounds:\n  ${problems.join("\n  ")}`);
  const text = `// GENERATED by data-loaders/plausibility/make-kolada-bounds.ts from ../shared's national Kolada history; do not edit.
// Bounds = the KPI's national range (all geographies, genders and years) widened by ${MARGIN * 100} % of that range at
// each end; 0 as the lower bound where the history is never negative; 100 as the upper bound for "andel (%)" KPIs
// whose history never exceeded 100 (unless reviewed). A value outside is refused at the warehouse boundary.

export interface KpiBounds {
  min: number;
  max: number;
  /** Observed national min and max. */
  history: [number, number];
  years: [number, number];
  /** Observed values. */
  n: number;
  /** Why a negative or above-100 % history is legitimate. */
  reviewed?: string;
}

export const KOLADA_BOUNDS: Readonly<Record<string, KpiBounds>> = {
${rows.join("\n")}
};
`;
  writeFileSync(OUT, text);
  process.stderr.write(`wrote ${OUT}: ${rows.length} KPIs\n`);
}

await main();
