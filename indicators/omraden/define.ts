/**
 * Neighbourhood (RegSO/DeSO) indicators: one per file, `indicators/omraden/<id>.ts` default-exports
 * `defineAreaIndicator(import.meta.url, {...})`; the id is the file name. Unlike the municipal
 * indicators, the goal area is declared (the folder groups the area indicators, not a goal area).
 */
import {basename} from "node:path";
import {fileURLToPath} from "node:url";
import {z} from "zod";
import {Unit} from "../define.js";
import {Direction, Group} from "../published.js";

/**
 * A share is suppressed when its base (the persons, dwellings or households it is a share of) is
 * below this. Why 50: below it one person or dwelling moves a share by more than two percentage
 * points, so the value says more about chance than about the area. The counts themselves are
 * public SCB open data: the rule guards against over-reading unstable values, not against
 * disclosure. SCB builds DeSO with 700–2,700 inhabitants, so on real data it seldom fires.
 */
export const SUPPRESSION_MIN_BASE = 50;

/** The goal areas (and the context group) an area indicator can map to. */
export const AreaGoalArea = z.enum([
  "utbildning", "arbete-och-vuxenutbildning", "social-sammanhallning", "ensamkommande-barn", "bostader", "halsa", "kontext"
]);
export type AreaGoalArea = z.infer<typeof AreaGoalArea>;

export const AreaLevel = z.enum(["regso", "deso"]);
export type AreaLevel = z.infer<typeof AreaLevel>;

/** What a suppression base counts. */
export const BaseUnit = z.enum(["persons", "dwellings", "households"]);
export type BaseUnit = z.infer<typeof BaseUnit>;

/** Text in Swedish and English. */
const Text = z.object({sv: z.string().min(3), en: z.string().min(3)});

const Common = {
  title_sv: z.string().min(3),
  title_en: z.string().min(3),
  description_sv: z.string().min(10),
  description_en: z.string().min(10),
  goal_area: AreaGoalArea,
  /** Level of the published values. */
  level: AreaLevel,
  /** Inputs: "scb:<table_key>" of the staging contract. */
  inputs: z.array(z.string().regex(/^scb:[a-z0-9_]+$/)).min(1),
  unit: Unit,
  direction: Direction,
  group: Group.default("all"),
  /** Decimals of the published value (and of differences and changes). */
  decimals: z.number().int().min(0).max(4),
  caveats: z.array(z.string()).default([]),
  /** SQL with named CTEs and $params; its output shape depends on `kind` (see below). */
  sql: z.string().min(10),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).default({}),
  checks: z
    .object({
      /** Inclusive bounds every computed value must lie within. */
      range: z.tuple([z.number(), z.number()]).optional(),
      /** Years the series must cover (each with at least one value). */
      expect_years: z.array(z.number().int()).optional()
    })
    .default({})
};

/**
 * A ratio of two counts (a share, or persons per household). The SQL returns
 * (region_code VARCHAR, year INTEGER, numerator, denominator) at `source_level`; DeSO counts are
 * summed to RegSO by the engine. value = scale × numerator / denominator. The denominator is the
 * suppression base. Municipality, county and area-type values are the same ratio of summed counts.
 */
const RatioSpec = z.object({
  kind: z.literal("ratio"),
  source_level: AreaLevel,
  scale: z.union([z.literal(100), z.literal(1)]),
  numerator: Text,
  denominator: Text,
  base_unit: BaseUnit,
  ...Common
});

/**
 * A statistic SCB publishes per area that cannot be added up (a mean or a median). The SQL returns
 * (region_code VARCHAR, year INTEGER, value, base) at `level`; `base` is the number of persons the
 * statistic is taken over, NULL where the table has none (then nothing can be suppressed, and
 * `no_base_reason` says why). Never summed or averaged across areas: compared by rank only.
 */
const LevelSpec = z.object({
  kind: z.literal("level"),
  statistic: z.enum(["mean", "median"]),
  base_unit: BaseUnit.nullable(),
  no_base_reason: Text.nullable().default(null),
  ...Common
});

export const AreaIndicatorSpec = z
  .discriminatedUnion("kind", [RatioSpec, LevelSpec])
  .refine((s) => s.kind !== "ratio" || !(s.source_level === "regso" && s.level === "deso"), {
    message: "a RegSO source cannot be published at DeSO level"
  })
  .refine((s) => s.kind !== "level" || (s.base_unit === null) === (s.no_base_reason !== null), {
    message: "a level indicator without a base must say why (no_base_reason), and only then"
  });
export type AreaIndicatorSpec = z.input<typeof AreaIndicatorSpec>;

export type AreaIndicator = z.output<typeof AreaIndicatorSpec> & {id: string; file: string};

/** Declare an area indicator; its id is the file name. */
export function defineAreaIndicator(importMetaUrl: string, spec: AreaIndicatorSpec): AreaIndicator {
  const file = fileURLToPath(importMetaUrl);
  const id = basename(file).replace(/\.ts$/, "");
  const parsed = AreaIndicatorSpec.safeParse(spec);
  if (!parsed.success) {
    throw new Error(`area indicator ${id} (${file}) is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return {...parsed.data, id, file};
}
