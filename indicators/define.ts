/**
 * One indicator, one file: `indicators/<goal-area>/<indicator-id>.ts` default-exports
 * `defineIndicator(import.meta.url, {...})`. Id and goal area come from the path (OWID's PathFinder).
 */
import {basename, dirname} from "node:path";
import {fileURLToPath} from "node:url";
import {z} from "zod";
import {Direction, Group, Sex} from "./published.js";

/** A sub-goal as a strategy document states it; whose words it is travels with it. */
export const SubGoal = z.object({
  id: z.string().regex(/^[a-z0-9.-]+$/),
  text: z.string(),
  /** "Tranås kommun" (its programme follows the county strategy) or "Jönköpings kommun". */
  document: z.enum(["Tranås kommun", "Jönköpings kommun"]),
  /** Set when no public statistic measures the sub-goal: the reason. */
  not_measurable_reason: z.string().nullable()
});
export type SubGoal = z.infer<typeof SubGoal>;

/** A goal area of the county strategy (folder name = id), or the context group. */
export const GoalArea = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  order: z.number().int(),
  kind: z.enum(["goal_area", "context"]),
  /** The area's name as the county strategy states it, e.g. "Arbete och vuxenutbildning". */
  title: z.string(),
  /** What the county text says of the area (it names only the areas). */
  county_text: z.string(),
  /** Tranås' focus goal for the area, quoted as Tranås' words. */
  tranas_focus_goal: z.string().nullable(),
  subgoals: z.array(SubGoal)
});
export type GoalArea = z.infer<typeof GoalArea>;

/** Units an indicator can have; the publish stage turns them into Swedish labels. */
export const Unit = z.enum([
  "percent", "percentage_points", "count", "per_1000", "per_10000", "per_100000",
  "per_inhabitant", "sek", "tkr", "ratio", "index", "days", "persons_per_household", "share_0_1"
]);
export type Unit = z.infer<typeof Unit>;

/** Input ids: "kolada:<KPI>" or "scb:<table_key>". */
export const InputId = z.string().regex(/^(kolada:[NU]\d{5}|scb:[a-z0-9_]+)$/);

/**
 * Like with like. `population: "participants"`: a survey only some municipalities take part in, some years; each is
 * compared only with the municipalities that took part the same year, and Kolada's county value (of another
 * population) is not used. `county: "municipal_median"`: never Kolada's county value, always the median of the
 * municipalities with a value that year. `sweden: false`: Sweden's value measures something else here (e.g. Sweden's
 * single lowest district); no comparison with it. `note_sv` says why, where the comparison differs from the usual.
 */
export const Comparisons = z
  .object({
    population: z.enum(["all", "participants"]),
    county: z.enum(["county", "municipal_median"]),
    sweden: z.boolean(),
    note_sv: z.string().min(10).nullable()
  })
  .refine((c) => (c.population === "all" && c.county === "county" && c.sweden) === (c.note_sv === null), {
    message: "a comparison that differs from the usual one must say why (note_sv), and only then"
  })
  .refine((c) => c.population === "all" || c.county === "municipal_median", {
    message: "survey participants are compared by their median, never by Kolada's county value"
  });
export type Comparisons = z.infer<typeof Comparisons>;

export const IndicatorSpec = z.object({
  title_sv: z.string().min(3),
  title_en: z.string().min(3),
  description_sv: z.string().min(10),
  description_en: z.string().min(10),
  /** 'context' indicators describe the population and get no trend status. */
  kind: z.enum(["goal", "context"]),
  /** Sub-goal ids from goals.ts that this indicator measures (empty for context indicators). */
  subgoals: z.array(z.string()),
  inputs: z.array(InputId).min(1),
  unit: Unit,
  /** Desired direction, reviewed per indicator; `target` needs `target_value` (ranks and trends by the distance from it). */
  direction: Direction,
  target_value: z.number().nullable().default(null),
  /** Why this direction, in a sentence (Swedish: shown on the indicator page). */
  direction_reason: z.string().min(10),
  /**
   * Years each value covers. 1 for yearly values; 4 for Folkhälsomyndigheten's municipal survey values
   * (T-3..T pooled), 2 for BRÅ's NTU (two years pooled). Trends use non-overlapping points only.
   */
  period_years: z.number().int().min(1).max(8).default(1),
  sexes: z.array(Sex).min(1),
  groups: z.array(Group).min(1),
  /** The group the gap is taken against, when `groups` includes 'gap'. */
  comparison_group: z.enum(["all", "born_in_sweden"]).nullable().default(null),
  caveats: z.array(z.string()).default([]),
  /** What the indicator's values are compared with (summary.csv county_* and sweden_*); default: the usual comparators. */
  comparisons: Comparisons.default({population: "all", county: "county", sweden: true, note_sv: null}),
  series_breaks: z.array(z.object({year: z.number().int(), note: z.string()})).default([]),
  /**
   * SQL (named CTEs, $params, never interpolated values) returning
   * (area_code VARCHAR, year INTEGER, sex VARCHAR, "group" VARCHAR, value DOUBLE, status VARCHAR).
   */
  sql: z.string().min(10),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  checks: z
    .object({
      /** Inclusive bounds of the level rows (a share: [0, 100]); gap rows are checked against ±(max − min). */
      range: z.tuple([z.number(), z.number()]).optional(),
      /** Areas that must have at least one value (Kolada ids). */
      expect_areas: z.array(z.string()).optional(),
      /** The series must span these years: a value in or before the first and in or after the last. */
      expect_years: z.tuple([z.number().int(), z.number().int()]).optional()
    })
    .default({})
});
export type IndicatorSpec = z.input<typeof IndicatorSpec>;

/** Direction `target` and target_value go together (a target without a value cannot be ranked). */
function directionProblems(spec: z.output<typeof IndicatorSpec>): string[] {
  if (spec.direction === "target" && spec.target_value === null) return ["direction 'target' needs target_value"];
  if (spec.direction !== "target" && spec.target_value !== null) return [`target_value is set but direction is '${spec.direction}'`];
  return [];
}

export interface Indicator extends z.output<typeof IndicatorSpec> {
  id: string;
  goal_area: string;
  file: string;
}

/** Declare an indicator; id and goal area are taken from the file's path. */
export function defineIndicator(importMetaUrl: string, spec: IndicatorSpec): Indicator {
  const file = fileURLToPath(importMetaUrl);
  const id = basename(file).replace(/\.ts$/, "");
  const goal_area = basename(dirname(file));
  const parsed = IndicatorSpec.safeParse(spec);
  if (!parsed.success) {
    throw new Error(`indicator ${goal_area}/${id} (${file}) is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  const problems = directionProblems(parsed.data);
  if (problems.length) throw new Error(`indicator ${goal_area}/${id} (${file}) is invalid: ${problems.join("; ")}`);
  return {...parsed.data, id, goal_area, file};
}
