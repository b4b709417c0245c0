/** The report builder on INVENTED summaries: attention and improvement lists, the county's ranking, unmeasured sub-goals, news. */
import {describe, expect, it} from "vitest";
import {buildReport, buildReports, needsAttention, type ReportInput} from "../../indicators/report/build.js";
import {catalogue, indicator, row} from "./fixtures.js";

const inds = [
  indicator({id: "a-up", goal_area: "arbete"}),
  indicator({id: "a-down", goal_area: "arbete", direction: "lower_is_better"}),
  indicator({id: "a-gap", goal_area: "arbete", groups: ["foreign_born", "all", "gap"], comparison_group: "all", sexes: ["T", "K", "M"]}),
  indicator({id: "b-one", goal_area: "boende"})
];
const r = (id: string, area: string, o: Parameters<typeof row>[0] = {}) =>
  row({indicator_id: id, area_code: area, area_name: area === "0006" ? "Region Jönköpings län" : area === "0604" ? "Aneby" : "Jönköping", area_level: area === "0006" ? "county" : "municipality", group: "all", ...o});

function input(): ReportInput {
  return {
    catalogue: catalogue(inds),
    summary: [
      // Aneby: a-up worsening and below the county → attention; a-down worsening but better than the county → not.
      r("a-up", "0604", {trend: "worsening", latest_value: 50, county_value: 60, trend_t: -2.5}),
      r("a-down", "0604", {direction: "lower_is_better", trend: "worsening", latest_value: 3, county_value: 4, trend_t: -5}),
      r("a-gap", "0604", {group: "foreign_born", trend: "improving", trend_t: 2.2}),
      r("a-gap", "0604", {group: "gap", direction: "target", target_value: 0, trend: "improving", trend_t: -6.3, latest_value: -4, county_value: -6}),
      r("a-gap", "0604", {group: "foreign_born", sex: "K", latest_value: 61.5}),
      r("a-gap", "0604", {group: "foreign_born", sex: "M", latest_value: 70.5}),
      r("b-one", "0604", {trend: "worsening", latest_value: 55, county_value: 60, county_comparator: "municipal_median", county_n: 13}),
      // Jönköping: a-up worsening but no comparator → not on the list; b-one far below the county → on it.
      r("a-up", "0680", {trend: "worsening", latest_value: 50, county_value: null, county_comparator: "none", diff_vs_county: null, county_note: "x"}),
      r("b-one", "0680", {trend: "worsening", latest_value: 10, county_value: 60}),
      // County: compared with Sweden.
      r("a-up", "0006", {trend: "worsening", latest_value: 60, sweden_value: 65, county_value: null, county_comparator: "none"}),
      r("b-one", "0006", {trend: "improving", trend_t: 3})
    ],
    countyStatus: [{indicator_id: "a-up", sex: "T", group: "all", basis: "county_series", window_from_year: 2018, window_to_year: 2023, n_municipalities: 2, n_improving: 0, n_worsening: 2, n_no_clear_change: 0, n_insufficient_data: 0, county_trend: "worsening", median_year: 2023, median_value: 50, median_n: 2}],
    coverage: [
      {goal_area: "arbete", subgoal_id: "arbete.1", subgoal_text: "Delmål arbete 1", indicator_id: "", note: "Ingen statistik (påhittat)."},
      {goal_area: "arbete", subgoal_id: "arbete.2", subgoal_text: "Delmål arbete 2", indicator_id: "a-up", note: ""}
    ],
    news: {previous_retrieved: "2026-11-01", indicators: [
      {indicator_id: "a-up", kind: "municipal", area_code: "0604", new_years: [2023], revised_years: [], n_revised: 0},
      {indicator_id: "a-up", kind: "municipal", area_code: "0680", new_years: [2023], revised_years: [2021], n_revised: 2},
      {indicator_id: "regso-x", kind: "area", area_code: "0680R010", new_years: [], revised_years: [2022], n_revised: 1}
    ]}
  };
}

describe("report builder (invented summaries)", () => {
  it("'Behöver uppmärksamhet': worsening AND worse than the comparator by direction; none without a comparator", () => {
    const aneby = buildReport(input(), "0604");
    expect(aneby.attention.map((a) => `${a.indicator_id}/${a.group}`)).toEqual(["a-up/all", "b-one/all"]);
    expect(aneby.attention[1]!.sentence.text).toContain("medianen av länets 13 kommuner");
    const jkpg = buildReport(input(), "0680");
    expect(jkpg.attention.map((a) => a.indicator_id)).toEqual(["b-one"]);
    expect(needsAttention(r("x", "0604", {trend: "no_clear_change", latest_value: 1, county_value: 9}), false)).toBe(false);
    const county = buildReport(input(), "0006");
    expect(county.attention.map((a) => a.indicator_id)).toEqual(["a-up"]);
    expect(county.attention[0]!.sentence.text).toContain("sämre än rikets");
  });

  it("'Går åt rätt håll': improving rows ranked by |t|, the gap included", () => {
    const aneby = buildReport(input(), "0604");
    expect(aneby.improving.map((a) => `${a.indicator_id}/${a.group}`)).toEqual(["a-gap/gap", "a-gap/foreign_born"]);
    expect(aneby.improving[0]!.sentence.text).toContain("skillnad mot samtliga");
  });

  it("the county ranks the goal areas by the municipalities' attention items", () => {
    const reports = buildReports(input());
    expect(reports.map((x) => x.area_code)).toEqual(["0604", "0680", "0006"]);
    const ranking = reports.at(-1)!.goal_ranking!;
    expect(ranking.map((g) => [g.goal_area, g.n_attention, g.n_municipalities, g.n_improving])).toEqual([["boende", 2, 2, 0], ["arbete", 1, 1, 2]]);
    expect(ranking[0]!.sentence.text).toBe("Boende: 2 fall behöver uppmärksamhet (i 2 kommuner); 0 fall går åt rätt håll.");
    expect(reports[0]!.goal_ranking).toBeNull();
  });

  it("the table: one row per goal indicator with women/men, gap, comparator and provenance on every row", () => {
    const aneby = buildReport(input(), "0604");
    const rows = aneby.goals[0]!.rows;
    expect(rows.map((x) => x.indicator_id)).toEqual(["a-up", "a-down", "a-gap"]);
    const gap = rows[2]!;
    expect([gap.group, gap.women_value, gap.men_value, gap.gap_value, gap.gap_unit, gap.gap_comparison_group]).toEqual(["foreign_born", 61.5, 70.5, -4, "percentage_points", "all"]);
    for (const x of rows) expect([x.unit, x.source, x.retrieved]).toEqual(["percent", "Kolada N00001 (SCB)", "2026-11-30"]);
    const b = aneby.goals[1]!.rows[0]!;
    expect([b.comparator, b.comparator_n, b.comparator_value]).toEqual(["municipal_median", 13, 60]);
    const county = buildReport(input(), "0006");
    expect(county.goals[0]!.rows[0]!.municipalities_worsening).toBe(2);
    expect(county.goals[0]!.rows[0]!.comparator).toBe("none");
  });

  it("sentences per area: 2–3, the overview counts agree with the statuses", () => {
    const aneby = buildReport(input(), "0604");
    for (const g of aneby.goals) expect(g.sentences.length).toBeGreaterThanOrEqual(2);
    expect(aneby.goals[0]!.sentences[0]!.text).toBe("Av områdets 3 indikatorer går 1 åt rätt håll och 2 går åt fel håll (trenden de senaste åren).");
    // the focus indicator is the one needing attention
    expect(aneby.goals[0]!.sentences[1]!.text).toMatch(/^Titel a-up /);
  });

  it("unmeasured sub-goals come from the coverage matrix, with the reason", () => {
    expect(buildReport(input(), "0604").goals[0]!.unmeasured).toEqual([{subgoal_id: "arbete.1", text: "Delmål arbete 1", reason: "Ingen statistik (påhittat)."}]);
  });

  it("news: new years and revisions per indicator, the municipality's neighbourhoods included; none in the county's own list", () => {
    const jkpg = buildReport(input(), "0680").news!;
    expect(jkpg.new_years.map((n) => [n.indicator_id, n.years])).toEqual([["a-up", [2023]]]);
    expect(jkpg.revised.map((n) => [n.kind, n.indicator_id, n.years, n.n_revised])).toEqual([["area", "regso-x", [2022], 1], ["municipal", "a-up", [2021], 2]]);
    expect(buildReport(input(), "0006").news!.new_years).toEqual([]);
    expect(buildReport({...input(), news: null}, "0604").news).toBeNull();
  });
});
