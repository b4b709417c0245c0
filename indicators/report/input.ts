/**
 * What the follow-up report reads: the summary.csv columns of the method contract (/work/wt/CONTRACT.md, owned by
 * indicators/published.ts SummaryRow), county-status.csv, coverage.csv and catalogue.json. The report step is a pure
 * function of these published files, so every sentence can be checked against them without a browser.
 */
import {z} from "zod";

export {CountyStatusRow, Direction, SummaryRow, TrendStatus} from "../published.js";

/** coverage.csv rows as the report reads them: a sub-goal without indicator carries the reason in `note`. */
export const CoverageRow = z.object({
  goal_area: z.string(),
  subgoal_id: z.string(),
  subgoal_text: z.string(),
  indicator_id: z.string(),
  note: z.string()
});
export type CoverageRow = z.infer<typeof CoverageRow>;

/** Per indicator and area: years that are new since the previous pipeline run and years whose values were revised. */
export const IndicatorNews = z.object({
  indicator_id: z.string(),
  /** 'municipal' = mart_indicator_values; 'area' = the neighbourhood indicators (mart_area_values). */
  kind: z.enum(["municipal", "area"]),
  area_code: z.string(),
  new_years: z.array(z.number().int()),
  revised_years: z.array(z.number().int()),
  /** Values (sex × group × year) that were there before and changed. */
  n_revised: z.number().int()
});
export type IndicatorNews = z.infer<typeof IndicatorNews>;

/** The comparison with the previous run: null when there was no previous warehouse. */
export const RunNews = z
  .object({
    /** Newest retrieval date (UTC, YYYY-MM-DD) of the previous warehouse's raw files. */
    previous_retrieved: z.string().nullable(),
    indicators: z.array(IndicatorNews)
  })
  .nullable();
export type RunNews = z.infer<typeof RunNews>;
