/**
 * coverage.csv: goal area → sub-goal → indicators, with the years and areas each covers. Sub-goals
 * that no indicator measures are listed too, with the reason (or "no indicator yet") in `note`.
 */
import type {GoalArea, Indicator} from "../../indicators/define.js";
import {COVERAGE_COLUMNS} from "../../indicators/published.js";
import type {Cell} from "./csv.js";
import type {IndicatorStats} from "./stats.js";

export type CoverageRow = Record<(typeof COVERAGE_COLUMNS)[number], Cell>;

const NO_INDICATOR = "Ingen indikator mäter delmålet ännu.";
const CONTEXT = "Kontextindikator: beskriver befolkningen, mäter inget delmål.";
const NO_SUBGOAL = "Mäter inget enskilt delmål.";
const NO_VALUES = "Inga värden i publiceringen.";

/** One row per (sub-goal, indicator), sub-goals without indicators included; goal areas in order. */
export function coverageRows(goals: GoalArea[], indicators: Indicator[], stats: Map<string, IndicatorStats>): CoverageRow[] {
  const rows: CoverageRow[] = [];
  const row = (goal: GoalArea, subgoal: {id: string; text: string} | null, ind: Indicator | null, note: string): CoverageRow => {
    const s = ind ? stats.get(ind.id) : undefined;
    const noValues = ind !== null && (s === undefined || s.n_years === 0);
    return {
      goal_area: goal.id,
      subgoal_id: subgoal?.id ?? "",
      subgoal_text: subgoal?.text ?? "",
      indicator_id: ind?.id ?? "",
      first_year: s?.first_year ?? null,
      latest_year: s?.latest_year ?? null,
      n_years: ind ? (s?.n_years ?? 0) : null,
      n_areas: ind ? (s?.n_areas ?? 0) : null,
      areas: s?.areas ?? "",
      note: [note, noValues ? NO_VALUES : ""].filter(Boolean).join(" ")
    };
  };
  for (const goal of [...goals].sort((a, b) => a.order - b.order)) {
    for (const sub of goal.subgoals) {
      const measuring = indicators.filter((i) => i.subgoals.includes(sub.id));
      if (measuring.length === 0) rows.push(row(goal, sub, null, sub.not_measurable_reason ?? NO_INDICATOR));
      for (const ind of measuring) rows.push(row(goal, sub, ind, ""));
    }
    for (const ind of indicators.filter((i) => i.goal_area === goal.id && i.subgoals.length === 0)) {
      rows.push(row(goal, null, ind, ind.kind === "context" ? CONTEXT : NO_SUBGOAL));
    }
  }
  return rows;
}

/** Indicators whose goal area or sub-goals the goals do not know (publishing stops on any). */
export function unknownReferences(goals: GoalArea[], indicators: Indicator[]): string[] {
  const areas = new Set(goals.map((g) => g.id));
  const subgoals = new Set(goals.flatMap((g) => g.subgoals.map((s) => s.id)));
  const out: string[] = [];
  for (const ind of indicators) {
    if (!areas.has(ind.goal_area)) out.push(`indicator ${ind.id} (${ind.file}): goal area '${ind.goal_area}' is not in the goals`);
    for (const s of ind.subgoals) {
      if (!subgoals.has(s)) out.push(`indicator ${ind.id} (${ind.file}): sub-goal '${s}' is not in the goals`);
    }
  }
  return out;
}
