/** The assessment sentences of the site (src/components/assessment.ts) on invented rows. */
import {describe, expect, it} from "vitest";
import type {CountyStatusRow, SummaryRow} from "../../indicators/published.js";
import {distributionText, medianText, periodText, rankText, sinceText, trendFigure} from "../../src/components/assessment.js";

const county: CountyStatusRow = {
  indicator_id: "x", sex: "T", group: "all", basis: "municipal_distribution", window_from_year: 2017, window_to_year: 2022,
  n_municipalities: 13, n_improving: 8, n_worsening: 1, n_no_clear_change: 4, n_insufficient_data: 0,
  county_trend: "", median_year: 2022, median_value: 76.25, median_n: 11
};

const row = (over: Partial<SummaryRow>): SummaryRow => ({
  indicator_id: "x", area_code: "0680", area_name: "Jönköping", area_level: "municipality", sex: "T", group: "all",
  latest_year: 2022, latest_value: 60, baseline_year: 2015, baseline_value: 55, baseline_is_strategy_start: true,
  change_since_baseline: 5, change_5y_from_year: 2017, change_5y: 4, direction: "higher_is_better", target_value: null,
  trend: "improving", trend_from_year: 2017, trend_to_year: 2022, trend_points: 6,
  trend_slope_per_year: 0.8, trend_slope_ci_low: 0.3, trend_slope_ci_high: 1.3, trend_t: 4.4,
  period_from_year: 2015, period_from_value: 55, period_to_year: 2020, period_to_value: 58.1, period_change: 3.1,
  period_status: "improving", period_method: "trend",
  since_from_year: 2020, since_from_value: 58.1, since_to_year: 2022, since_to_value: 60, since_change: 1.9,
  since_status: "insufficient_data", since_method: "two_points",
  rank: 3, rank_of: 13, rank_year: 2022, sweden_value: null, diff_vs_sweden: null,
  county_value: null, county_comparator: "none", county_n: null, county_note: "", diff_vs_county: null, ...over
});

describe("assessment sentences", () => {
  it("states the county's distribution over its municipalities and the median of N", () => {
    expect(distributionText(county)).toBe("8 av 13 kommuner förbättras, 1 försämras, 4 utan säker förändring");
    expect(medianText(county, "percent")).toBe("median av 11 kommuner 2022: 76,3\u00A0%");
  });

  it("names the window and the interval of a trend, and nothing of another window", () => {
    expect(trendFigure(row({}), "percent")).toBe("+0,8\u00A0procentenheter per år 2017–2022 (95 %: +0,3 till +1,3\u00A0procentenheter), 6 värden");
  });

  it("says a short series is short, with its years", () => {
    expect(trendFigure(row({trend: "insufficient_data", trend_points: 2, trend_from_year: 2021, trend_slope_per_year: null}), "percent"))
      .toBe("2 oberoende värden 2021–2022");
  });

  it("labels the period with the years used and elections as a change", () => {
    expect(periodText(row({}), "percent")).toBe("Strategiperioden 2015–2020: +3,1\u00A0procentenheter");
    expect(periodText(row({period_from_year: 2014, period_to_year: 2018, period_method: "elections"}), "percent"))
      .toBe("Strategiperioden 2014–2018: +3,1\u00A0procentenheter (två val: en förändring, ingen trend)");
  });

  it("a change of two or three values (two_points) claims no number of points, only the two years it spans", () => {
    // 2020–2022 may hold three values: "två värden" would be a claim the row does not support
    const text = sinceText(row({}), "percent");
    expect(text).toBe("Efter perioden 2020–2022: +1,9\u00A0procentenheter (för få värden för en trend: förändringen mellan två år)");
    expect(text).not.toMatch(/två värden|två mätpunkter/);
  });

  it("gives a rank with N and its year", () => {
    expect(rankText(row({}))).toBe("rang 3 av 13 (2022)");
    expect(rankText(row({rank: null}))).toBe("");
  });
});
