/**
 * DeSO 2025 → DeSO 2018 for Jönköping county (SCB moved its DeSO/RegSO tables to the 2025 edition in 2024/25;
 * our statistics, the RegSO key and the area types are DeSO 2018 / RegSO 2020). 205 codes are unchanged; four
 * DeSO 2018 of Jönköping kommun were split in two (0680C1070 → C1071 + C1072 …), each part wholly inside its
 * parent. Read from the reference directory and copied into the raw layer with provenance like the RegSO key.
 */
import {join} from "node:path";
import {z} from "zod";
import {ParseError, type ErrorOrigin} from "../lib/errors.js";
import type {FetchContext} from "../lib/fetcher.js";
import type {FetchedDataset} from "../lib/types.js";
import {validate} from "../lib/validate.js";
import {COUNTY_CODE} from "../scb/table.js";
import {parseCsv} from "./csv.js";
import {copyReference} from "./deso-regso-key.js";

export const DESO_2025_KEY_ID = "reference:deso2025_deso2018_key";
/** Path below the reference directory. */
export const DESO_2025_KEY_FILE = join("scb-deso-2025-boundaries", "deso2025_to_deso2018_lan06.csv");

const COLUMNS = ["deso_2025", "deso_2018", "regso_2025", "relation"] as const;
const Header = z.tuple([z.literal("deso_2025"), z.literal("deso_2018"), z.literal("regso_2025"), z.literal("relation")]);
const deso = z.string().regex(new RegExp(`^${COUNTY_CODE}\\d{2}[ABC]\\d{4}$`), "a DeSO code of the county such as 0680C1071");

export const Deso2025Row = z
  .object({deso_2025: deso, deso_2018: deso, regso_2025: z.string().regex(/^\d{4}R\d{3}$/), relation: z.enum(["same", "split_of_2018"])})
  .superRefine((r, ctx) => {
    if ((r.relation === "same") !== (r.deso_2025 === r.deso_2018)) ctx.addIssue({code: "custom", path: ["relation"], message: `relation ${r.relation} contradicts the codes`});
  });
export type Deso2025Row = z.infer<typeof Deso2025Row>;

const Key = z.array(Deso2025Row).min(1).superRefine((rows, ctx) => {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.deso_2025)) ctx.addIssue({code: "custom", path: [i, "deso_2025"], message: "DeSO 2025 listed twice"});
    seen.add(r.deso_2025);
  });
});

/** Parse and validate the mapping file. */
export function parseDeso2025Key(body: Buffer, origin: ErrorOrigin): Deso2025Row[] {
  let rows: string[][];
  try {
    rows = parseCsv(body.toString("utf8"));
  } catch (e) {
    throw new ParseError(origin, `not a readable CSV file: ${(e as Error).message}`);
  }
  const [header, ...data] = rows;
  validate(Header, header, origin);
  const objects = data.filter((r) => r.length > 1 || r[0] !== "").map((r) => {
    if (r.length !== COLUMNS.length) throw new ParseError(origin, `row ${JSON.stringify(r)} has ${r.length} fields, expected ${COLUMNS.length}`);
    return Object.fromEntries(COLUMNS.map((c, i) => [c, r[i]]));
  });
  return validate(Key, objects, origin);
}

/** Copy the mapping into the raw layer (reused unless --refresh). */
export function fetchDeso2025Key(ctx: FetchContext): Promise<FetchedDataset> {
  return copyReference(ctx, {id: DESO_2025_KEY_ID, relFile: DESO_2025_KEY_FILE, parse: parseDeso2025Key});
}

/**
 * Map DeSO codes of either edition to DeSO 2018 (the edition the statistics use). Returns the 2018 code, or an
 * error text for a code that maps to nothing.
 */
export function desoEditionMapper(key2018: ReadonlySet<string>, key2025: readonly Deso2025Row[]): (code: string) => {code: string; split: boolean} | {error: string} {
  const to2018 = new Map(key2025.map((r) => [r.deso_2025, r]));
  return (code) => {
    if (key2018.has(code)) return {code, split: false};
    const r = to2018.get(code);
    if (r && key2018.has(r.deso_2018)) return {code: r.deso_2018, split: r.relation === "split_of_2018"};
    return {error: r ? `DeSO 2025 ${code} maps to DeSO 2018 ${r.deso_2018}, which is not in the RegSO key` : `DeSO ${code} is in neither the DeSO 2018 key nor the DeSO 2025 → 2018 mapping`};
  };
}
