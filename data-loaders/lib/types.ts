/** Types shared by the sources, the orchestrator and the publish stage. */

/** county = Jönköping county, its 13 municipalities and Sweden; sweden = all 290 municipalities and 21 regions. */
export type Scope = "county" | "sweden";

/** One raw file behind a staged dataset (its provenance). */
export interface RawFileRef {
  /** Absolute path of the verbatim body. */
  file: string;
  url: string;
  fetched_at: string;
  sha256: string;
  publisher: string;
  licence: string;
  /** True when the file came from the raw cache rather than the network in this run. */
  reused: boolean;
}

/** What a source's fetch step hands to its stage step. */
export interface FetchedDataset {
  /** "kolada:values", "kolada:kpi", "kolada:municipality", "scb:<table_key>", "reference:<name>". */
  id: string;
  source: "kolada" | "scb" | "reference" | "geodata";
  files: RawFileRef[];
  /** Validated records (Kolada values: gender values; SCB: cells). */
  rows: number;
}
