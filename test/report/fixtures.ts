/**
 * INVENTED summary rows and catalogue entries for the report tests: every number here is made up.
 * `row()` gives a complete SummaryRow (the method contract's columns) with neutral defaults.
 */
import type {Catalogue, CatalogueIndicator, SummaryRow} from "../../indicators/published.js";
import type {IndicatorInfo} from "../../indicators/report/sentences.js";

export function row(o: Partial<SummaryRow> = {}): SummaryRow {
  return {
    indicator_id: "test-sysselsattning", area_code: "0604", area_name: "Aneby", area_level: "municipality", sex: "T", group: "foreign_born",
    latest_year: 2023, latest_value: 67.2, baseline_year: 2015, baseline_value: 58.0, baseline_is_strategy_start: true,
    change_since_baseline: 9.2, change_5y_from_year: 2018, change_5y: 4.1,
    direction: "higher_is_better", target_value: null,
    trend: "improving", trend_from_year: 2018, trend_to_year: 2023, trend_points: 6,
    trend_slope_per_year: 1.1, trend_slope_ci_low: 0.6, trend_slope_ci_high: 1.6, trend_t: 4.4,
    period_from_year: 2015, period_from_value: 58.0, period_to_year: 2020, period_to_value: 62.1, period_change: 4.1,
    period_status: "improving", period_method: "trend",
    since_from_year: 2020, since_from_value: 62.1, since_to_year: 2023, since_to_value: 67.2, since_change: 5.1,
    since_status: "improving", since_method: "trend",
    rank: 3, rank_of: 13, rank_year: 2023, sweden_value: 68.4, diff_vs_sweden: -1.2,
    county_value: 66.0, county_comparator: "county", county_n: null, county_note: "", diff_vs_county: 1.2,
    ...o
  };
}

export const INFO: IndicatorInfo = {
  id: "test-sysselsattning", title: "Sysselsättningsgrad, utrikes födda 20–64 år", unit: "percent", direction: "higher_is_better",
  series_breaks: [], comparison_group: "all"
};

/** A catalogue indicator with invented metadata. */
export function indicator(o: Partial<CatalogueIndicator> & {id: string; goal_area: string}): CatalogueIndicator {
  return {
    kind: "goal", subgoals: [], title_sv: `Titel ${o.id}`, title_en: o.id, description_sv: "", description_en: "", unit: "percent",
    unit_label_sv: "procent", direction: "higher_is_better", target_value: null, direction_reason: "", period_years: 1,
    groups: ["all"], comparison_group: null, sexes: ["T"], caveats: [], series_breaks: [],
    sources: [{id: "kolada:N00001", title: "påhittad", agency: "SCB", publisher: "Kolada (RKA)", licence: "påhittad", url: "https://www.kolada.se/verktyg/fri-sokning/?kpis=N00001", code: "N00001", published: null, retrieved: "2026-11-30"}],
    latest_year: 2023, first_year: 2010, files: {csv: "", excel_csv: "", parquet: ""},
    comparisons: {population: "all", county: "county", sweden: true, note_sv: null}, participants: [],
    ...o
  };
}

/** An invented catalogue: two goal areas, the county and two municipalities. */
export function catalogue(indicators: CatalogueIndicator[]): Catalogue {
  const goal = (id: string, order: number) => ({
    id, order, title: id === "arbete" ? "Arbete" : "Boende", county_text: "", tranas_focus_goal: null,
    subgoals: [{id: `${id}.1`, text: `Delmål ${id} 1`, document: "Tranås kommun", indicators: [], not_measurable_reason: "Ingen statistik (påhittat)."}]
  });
  return {
    generated_at: "2026-11-30T06:00:00Z", scope: "county", vision: "", overall_goal: "", goals: [goal("arbete", 1), goal("boende", 2)],
    indicators,
    areas: [
      {code: "0000", name: "Riket", short_name: "Sverige", level: "country", parent_code: null, area_type: null},
      {code: "0006", name: "Region Jönköpings län", short_name: "Jönköpings län", level: "county", parent_code: "0000", area_type: null},
      {code: "0604", name: "Aneby", short_name: "Aneby", level: "municipality", parent_code: "0006", area_type: null},
      {code: "0680", name: "Jönköping", short_name: "Jönköping", level: "municipality", parent_code: "0006", area_type: null}
    ],
    sources: [], licence_note: "", citation: ""
  };
}
