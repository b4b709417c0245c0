/** catalogue.json: goals with the indicators that measure them, indicator metadata and sources, areas. */
import type {DuckDBConnection} from "@duckdb/node-api";
import {query} from "../lib/duckdb.js";
import type {Scope} from "../lib/types.js";
import {validate} from "../lib/validate.js";
import type {GoalArea, Indicator} from "../../indicators/define.js";
import {Catalogue, type CatalogueArea, type SourceRef} from "../../indicators/published.js";
import type {InputSource} from "./provenance.js";
import type {IndicatorStats} from "./stats.js";
import {LEVEL_ORDER} from "./order.js";
import {UNIT_LABEL_SV} from "./units.js";

export interface CatalogueParts {
  generatedAt: string;
  scope: Scope;
  vision: string;
  overallGoal: string;
  goals: GoalArea[];
  indicators: Indicator[];
  sources: Map<string, InputSource>;
  stats: Map<string, IndicatorStats>;
  areas: CatalogueArea[];
}

/** The published file names of one indicator, relative to the publish directory. */
export function indicatorFiles(id: string) {
  return {csv: `indicators/${id}.csv`, excel_csv: `indicators/${id}.excel.csv`, parquet: `indicators/${id}.parquet`};
}

/** Areas in scope: Sweden plus the county and everything in it (county scope), or every area. */
export async function scopeAreas(conn: DuckDBConnection, scope: Scope, countyCode: string): Promise<CatalogueArea[]> {
  return query<CatalogueArea>(
    conn,
    `SELECT area_code AS code, name, short_name, level, parent_code, area_type
     FROM stg_areas
     WHERE $scope = 'sweden' OR level = 'country' OR county_code = $county_code
     ORDER BY list_position(string_split($level_order, '|'), level), area_code`,
    {scope, county_code: countyCode, ...LEVEL_ORDER}
  );
}

/** Assemble and validate the catalogue (zod Catalogue); throws SchemaError before anything is written. */
export function buildCatalogue(p: CatalogueParts): Catalogue {
  const measuring = (subgoal: string) => p.indicators.filter((i) => i.subgoals.includes(subgoal)).map((i) => i.id);
  const sourcesOf = (ind: Indicator): SourceRef[] =>
    ind.inputs.map((input) => {
      const s = p.sources.get(input);
      if (!s) throw new Error(`no source resolved for ${input} of indicator ${ind.id}`);
      return s.ref;
    });
  const used = [...new Set(p.indicators.flatMap((i) => i.inputs))].sort();
  const allSources = used.map((input) => p.sources.get(input)?.ref).filter((r): r is SourceRef => r !== undefined);

  const catalogue = {
    generated_at: p.generatedAt,
    scope: p.scope,
    vision: p.vision,
    overall_goal: p.overallGoal,
    goals: [...p.goals]
      .sort((a, b) => a.order - b.order)
      .map((g) => ({
        id: g.id,
        order: g.order,
        title: g.title,
        county_text: g.county_text,
        tranas_focus_goal: g.tranas_focus_goal,
        subgoals: g.subgoals.map((s) => ({
          id: s.id,
          text: s.text,
          document: s.document,
          indicators: measuring(s.id),
          not_measurable_reason: s.not_measurable_reason
        }))
      })),
    indicators: p.indicators.map((ind) => {
      const stats = p.stats.get(ind.id);
      return {
        id: ind.id,
        goal_area: ind.goal_area,
        kind: ind.kind,
        subgoals: ind.subgoals,
        title_sv: ind.title_sv,
        title_en: ind.title_en,
        description_sv: ind.description_sv,
        description_en: ind.description_en,
        unit: ind.unit,
        unit_label_sv: UNIT_LABEL_SV[ind.unit],
        direction: ind.direction,
        target_value: ind.target_value,
        direction_reason: ind.direction_reason,
        period_years: ind.period_years,
        groups: ind.groups,
        comparison_group: ind.comparison_group,
        sexes: ind.sexes,
        caveats: ind.caveats,
        series_breaks: ind.series_breaks,
        sources: sourcesOf(ind),
        latest_year: stats?.latest_year ?? null,
        first_year: stats?.first_year ?? null,
        files: indicatorFiles(ind.id)
      };
    }),
    areas: p.areas,
    sources: allSources,
    licence_note: licenceNote(allSources),
    citation: citation(p.generatedAt, p.scope, allSources)
  };
  return validate(Catalogue, catalogue, {source: "publish", file: "catalogue.json"});
}

/** Swedish licence note: the sources' own terms, then ours for the compiled files. */
export function licenceNote(sources: SourceRef[]): string {
  const terms = [...new Set(sources.map((s) => `${s.publisher}: ${s.licence}`))].sort();
  return (
    `Statistiken kommer från ${publishers(sources)} och följer deras villkor (${terms.join("; ")}). ` +
    `Underliggande myndighet anges för varje källa. Sammanställningen och de härledda talen ` +
    `(förändringar, trender, rangordning, jämförelser) får användas fritt, även kommersiellt, med källangivelse enligt citeringsraden.`
  );
}

/** One citation line (Swedish) naming the compilation, its date and the retrieval dates. */
export function citation(generatedAt: string, scope: Scope, sources: SourceRef[]): string {
  const dates = sources.map((s) => s.retrieved).sort();
  const retrieved = dates.length === 0 ? "" : dates[0] === dates.at(-1) ? `, hämtade ${dates[0]}` : `, hämtade ${dates[0]}–${dates.at(-1)}`;
  const coverage = scope === "county" ? "länets kommuner" : "alla Sveriges kommuner";
  return (
    `Indikatorer för integrationsstrategin i Jönköpings län, ${coverage} (publicerade ${generatedAt.slice(0, 10)}). ` +
    `Underlag: ${publishers(sources)}${retrieved}.`
  );
}

function publishers(sources: SourceRef[]): string {
  const names = [...new Set(sources.map((s) => s.publisher))].sort();
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} och ${names.at(-1)}`;
}
