/**
 * The indicator SQL templates. A template file returns one indicator's rows as
 * (area_code, year, sex, "group", value) from the staging tables; `compose` names those rows `series`
 * and appends output.sql, which types the columns and sets each row's status ('missing', 'break', '').
 * Indicator files use the composed texts, e.g. `sql: SQL.kolada_gap`, with their `params`.
 */
import {readFileSync} from "node:fs";

function read(name: string): string {
  return readFileSync(new URL(`./${name}.sql`, import.meta.url), "utf8").trimEnd();
}

const OUTPUT = read("output");
const ELECTION_YEARS = read("election_years");

/** A template's rows as the CTE `series` (narrowed to election years if asked), then the shared output. */
function compose(rows: string, years: "every_year" | "election_years"): string {
  if (years === "every_year") return `with series as (\n${rows}\n),\n${OUTPUT}\n`;
  return `with series_all_years as (\n${rows}\n),\nseries as (\n${ELECTION_YEARS}\n),\n${OUTPUT}\n`;
}

/**
 * Every template takes $break_year (0 = no break in the series). Besides:
 * - kolada_single, kolada_election_single: $kpi, $group
 * - kolada_two_groups: $kpi_a, $group_a, $kpi_b, $group_b
 * - kolada_gap, kolada_election_gap: $kpi_foreign, $kpi_comparison, $comparison_group ('all' | 'born_in_sweden')
 * The election variants keep election years only (Kolada repeats an election's value until the next one).
 */
export const SQL = {
  kolada_single: compose(read("kolada_single"), "every_year"),
  kolada_two_groups: compose(read("kolada_two_groups"), "every_year"),
  kolada_gap: compose(read("kolada_gap"), "every_year"),
  kolada_election_single: compose(read("kolada_single"), "election_years"),
  kolada_election_gap: compose(read("kolada_gap"), "election_years")
} as const;

export type SqlTemplateName = keyof typeof SQL;

/** The name of the template a SQL text is, or null when it is none of them. */
export function templateName(sql: string): SqlTemplateName | null {
  const names = Object.keys(SQL) as SqlTemplateName[];
  return names.find((name) => SQL[name] === sql) ?? null;
}

/** The $params a SQL text uses, sorted and unique (DuckDB must be given exactly these); comments are skipped. */
export function sqlParams(sql: string): string[] {
  const code = sql.replace(/--[^\n]*/g, "");
  return [...new Set([...code.matchAll(/\$([a-z_][a-z0-9_]*)/g)].map((m) => m[1] as string))].sort();
}
