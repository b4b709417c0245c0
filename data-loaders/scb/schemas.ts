/**
 * zod schemas for the SCB PxWebApi 2.0 responses we read: /config, /tables (search),
 * /tables/{id}/metadata and json-stat2 data. Unknown fields are allowed (the API adds fields
 * over time); the fields we rely on are required, so a renamed field fails at the boundary.
 * Shapes: PxTools/PxWebApi ExpectedJson (GetApiConfiguration.json, ListAllTables.json,
 * MetadataById_tab004_js2.json) and the json-stat 2.0 format.
 */
import {z} from "zod";

/** GET /config: the limits we honour. */
export const ScbConfig = z.looseObject({
  apiVersion: z.string().optional(),
  maxDataCells: z.number().int().positive(),
  /** 0 means no limit (the simulator with --scb-rate 0). */
  maxCallsPerTimeWindow: z.number().int().nonnegative(),
  /** Seconds. */
  timeWindow: z.number().nonnegative()
});
export type ScbConfig = z.infer<typeof ScbConfig>;

/** One table in a /tables search result. */
export const ScbTableInfo = z.looseObject({
  id: z.string().min(1),
  label: z.string(),
  updated: z.string().nullable().optional(),
  firstPeriod: z.string().nullable().optional(),
  lastPeriod: z.string().nullable().optional(),
  discontinued: z.boolean().nullable().optional()
});
export type ScbTableInfo = z.infer<typeof ScbTableInfo>;

/** GET /tables?query=…: one page of hits. */
export const ScbTableSearch = z.looseObject({
  language: z.string(),
  tables: z.array(ScbTableInfo),
  page: z.looseObject({
    pageNumber: z.number().int(),
    pageSize: z.number().int(),
    totalElements: z.number().int().nonnegative(),
    totalPages: z.number().int().nonnegative()
  })
});
export type ScbTableSearch = z.infer<typeof ScbTableSearch>;

/** json-stat2 category: index as {code: position} or as an ordered array of codes. */
export const JsonStatCategory = z.looseObject({
  index: z.union([z.record(z.string(), z.number().int().nonnegative()), z.array(z.string())]),
  label: z.record(z.string(), z.string()),
  unit: z.record(z.string(), z.looseObject({base: z.string().optional(), decimals: z.number().int().optional()})).optional()
});
export type JsonStatCategory = z.infer<typeof JsonStatCategory>;

export const JsonStatDimension = z.looseObject({
  label: z.string(),
  category: JsonStatCategory,
  extension: z
    .looseObject({
      elimination: z.boolean().optional(),
      eliminationValueCode: z.string().optional(),
      show: z.string().optional()
    })
    .optional()
});
export type JsonStatDimension = z.infer<typeof JsonStatDimension>;

const jsonStatBase = {
  version: z.literal("2.0"),
  class: z.literal("dataset"),
  // Tolerated null or absent: PxAPI-2.yml (PxTools/PxApiSpecs) lists label, source and updated among the
  // dataset's optional fields; we only show them, never compute with them.
  label: z.string().nullish(),
  source: z.string().nullish(),
  updated: z.string().nullish(),
  /** json-stat2 notes (optional in the format); the simulator marks its tables here. */
  note: z.array(z.string()).optional(),
  id: z.array(z.string()).min(1),
  size: z.array(z.number().int().nonnegative()).min(1),
  dimension: z.record(z.string(), JsonStatDimension),
  extension: z.record(z.string(), z.unknown()).optional()
};

/** GET /tables/{id}/metadata: a json-stat2 dataset without values. */
// `value` may be null or absent in a metadata answer (PxAPI-2.yml: `value: nullable`); SCB sends [] (TAB6471_metadata.json).
export const ScbMetadata = z.looseObject({...jsonStatBase, value: z.array(z.unknown()).max(0).nullish()});
export type ScbMetadata = z.infer<typeof ScbMetadata>;

/** POST /tables/{id}/data?outputFormat=json-stat2: row-major values, missing cells null plus a status marker. */
export const ScbData = z.looseObject({
  ...jsonStatBase,
  value: z.array(z.number().nullable()),
  status: z.record(z.string(), z.string()).optional()
});
export type ScbData = z.infer<typeof ScbData>;

/** The POST body of a data request. */
export const ScbSelection = z.object({
  selection: z.array(z.object({variableCode: z.string(), valueCodes: z.array(z.string()).min(1)})).min(1)
});
export type ScbSelection = z.infer<typeof ScbSelection>;

/** Codes of a category in index order (json-stat2 allows an object or an array). */
export function categoryCodes(cat: JsonStatCategory): string[] {
  if (Array.isArray(cat.index)) return [...cat.index];
  return Object.entries(cat.index)
    .sort((a, b) => a[1] - b[1])
    .map(([code]) => code);
}

/** GET /codeLists/{id}: a valueset or aggregation (PxAPI-2.yml CodeListResponse; agg_Ålder10årJ.json). Not used by the pipeline yet. */
export const ScbCodelist = z.looseObject({
  id: z.string().min(1),
  label: z.string(),
  type: z.enum(["Aggregation", "Valueset"]),
  elimination: z.boolean().optional(),
  values: z.array(z.looseObject({code: z.string().min(1), label: z.string(), valueMap: z.array(z.string()).optional()})).min(1)
});
export type ScbCodelist = z.infer<typeof ScbCodelist>;
