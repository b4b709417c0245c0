/**
 * The declaration of one SCB table we fetch (one file per table under ./tables/, named by its key).
 * Declarative only: the client expands these selections to explicit codes from the table's metadata.
 */

export const SCB_PUBLISHER = "SCB (Statistiska centralbyrån)";
export const SCB_LICENCE = "CC0 1.0 (SCB öppna data)";

/** Two-digit län code of Jönköping county: RegSO/DeSO codes start with it. */
export const COUNTY_CODE = "06";

/** How the values of one variable are chosen. */
export type ValueSelection =
  /** Every value in the metadata. */
  | {all: true}
  /** These codes, sent as given (the API answers 400 for an unknown code). */
  | {codes: readonly string[]}
  /** The codes whose labels these are (the simulator's codes are stand-ins; labels are SCB's). */
  | {labels: readonly string[]};

export type RegionLevel = "regso" | "deso" | "municipality";

export interface ScbTable {
  /** Our slug; equals the file name under tables/ and the table_key in raw_scb__cells. */
  key: string;
  /**
   * A fixed SCB table id (with its place in Statistikdatabasen, subject path and v1 name, e.g.
   * "BE/BE0101/BE0101Y/FolkmDesoLandKon": the public page a journalist opens), or a title search
   * through /tables?query= resolved on every run (the public page is then a search for the title).
   */
  table: {id: string; ssd_path?: string} | {query: string; title: RegExp};
  /** Which Region values: the county's RegSO and/or DeSO areas, taken from the metadata. */
  regions: readonly RegionLevel[];
  /** The one classification variable kept in raw_scb__cells (variable/value_code/value_label). */
  classification?: {variable: string; values: ValueSelection};
  /**
   * Variables whose total we want (e.g. Kon). Obtained as the spec defines: an eliminable variable is left out
   * of the selection (SCB answers its total); otherwise its `eliminationValueCode` is selected. Never a hard-coded code.
   */
  totals?: readonly string[];
  /** Tid's unit: annual (default, "2023") or monthly ("2026M01"; the year is kept, the month in `period`). */
  periods?: "annual" | "monthly";
  /** Variables held at exactly one value each (a named component such as löneinkomst); not kept in the cells. */
  fixed?: Readonly<Record<string, ValueSelection>>;
  /** ContentsCode selection (default: all), unless ContentsCode is the classification variable. Tid is always all. */
  contents?: ValueSelection;
  /** False when values cannot be summed (medians): a DeSO 2025 split then leaves its 2018 parent without a value. Default true. */
  additive?: boolean;
  /** Plausible values (checked at the warehouse boundary): counts ≥ 0, area types 1–5. */
  plausible: {min: number; max?: number};
  /** An optional table may come back with every cell missing (a warning, not an error). */
  optional: boolean;
  publisher: string;
  licence: string;
  /** What the table holds, in a line (for reports and source notes). */
  description: string;
}

/** Identity helper: keeps the literal types and documents intent at the declaration site. */
export function defineScbTable(t: ScbTable): ScbTable {
  return t;
}

/** Both sexes together: the total of Kon, as the table defines it (see `totals`). */
export const KON_TOTAL: readonly string[] = ["Kon"];

/** SCB's public table browser (never the API). */
const SSD = "https://www.statistikdatabasen.scb.se/pxweb/sv/ssd";

/** The simulator's stand-in table ids (../shared/tools/api-sim/README.md: "`SIM_` table ids are made up"). */
export const STAND_IN_TABLE_ID = /^SIM_/;

/**
 * How a table is named and linked for readers: SCB's own id and its Statistikdatabasen page when both are known;
 * otherwise (an id resolved by title that is a simulator stand-in) no id, the table's SCB title, and a
 * Statistikdatabasen search for that title. A stand-in id never reaches a published file.
 */
export function scbPublicTable(t: ScbTable, tableId: string, title: string): {code: string | null; url: string; label: string} {
  if (!STAND_IN_TABLE_ID.test(tableId)) {
    const path = "id" in t.table ? t.table.ssd_path?.split("/") : undefined;
    const url = path
      ? `${SSD}/START__${path.slice(0, -1).join("__")}/${path.at(-1)}/`
      : `${SSD}/search/?searchquery=${encodeURIComponent(tableId)}`;
    return {code: tableId, url, label: `SCB ${tableId}`};
  }
  // search by the title's words, without the years it names (". År 2020–2023"), which change with each update
  const words = title.replace(/\.\s*År\s.*$/, "");
  return {code: null, url: `${SSD}/search/?searchquery=${encodeURIComponent(words)}`, label: `SCB, tabellen ”${title}”`};
}
