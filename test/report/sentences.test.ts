/** The report's sentence templates on INVENTED numbers: one test per sentence kind, Swedish formats and agreement. */
import {describe, expect, it} from "vitest";
import {
  attentionSentence, comparisonSentence, count, developmentSentence, goalRankSentence, improvementSentence, overviewSentence, worseThan
} from "../../indicators/report/sentences.js";
import {INFO, row} from "./fixtures.js";

const NB = "\u00A0";
const MINUS = "\u2212";

describe("report sentence templates (invented numbers)", () => {
  it("improving: verb from the sign, judgement from the status, decimal comma, non-breaking space before %", () => {
    const s = developmentSentence(INFO, row());
    expect(s.kind).toBe("improving");
    expect(s.text).toBe(`Sysselsättningsgrad, utrikes födda 20–64 år ökade från 62,1${NB}% (2020) till 67,2${NB}% (2023), en utveckling åt rätt håll; trenden 2018–2023 går åt rätt håll.`);
    expect(s.refs.map((r) => r.column)).toEqual(["since_from_value", "since_to_value", "trend"]);
  });

  it("worsening: a falling value of a higher-is-better indicator", () => {
    const s = developmentSentence(INFO, row({since_from_value: 70.04, since_to_value: 65.96, since_change: -4.08, since_status: "worsening", trend: "worsening"}));
    expect(s.kind).toBe("worsening");
    expect(s.text).toBe(`Sysselsättningsgrad, utrikes födda 20–64 år minskade från 70,0${NB}% (2020) till 66,0${NB}% (2023), en utveckling åt fel håll; trenden 2018–2023 går åt fel håll.`);
  });

  it("worsening with lower-is-better: the value rose, the verb says so and the judgement says wrong way", () => {
    const s = developmentSentence({...INFO, direction: "lower_is_better"}, row({since_from_value: 3.2, since_to_value: 4.5, since_change: 1.3, since_status: "worsening"}));
    expect(s.text).toContain("ökade från 3,2");
    expect(s.text).toContain("åt fel håll");
  });

  it("no certain change: neither ökade nor minskade, says 'ingen säker förändring'", () => {
    const s = developmentSentence(INFO, row({since_from_value: 62.1, since_to_value: 62.9, since_change: 0.8, since_status: "no_clear_change", trend: "no_clear_change"}));
    expect(s.kind).toBe("no_clear_change");
    expect(s.text).toBe(`Sysselsättningsgrad, utrikes födda 20–64 år var 62,1${NB}% (2020) och 62,9${NB}% (2023): ingen säker förändring; trenden 2018–2023 visar ingen säker förändring.`);
    expect(s.text).not.toMatch(/ökade|minskade/);
  });

  it("missing data: no value at all, and too few values since 2020", () => {
    expect(developmentSentence(INFO, row({latest_value: null, latest_year: null})).text).toBe("Sysselsättningsgrad, utrikes födda 20–64 år: inga värden för Aneby.");
    const s = developmentSentence(INFO, row({since_status: "insufficient_data", since_from_value: null, since_change: null, trend: "insufficient_data"}));
    expect(s.kind).toBe("insufficient_data");
    expect(s.text).toBe(`Sysselsättningsgrad, utrikes födda 20–64 år: för få värden sedan 2020 för att bedöma utvecklingen; senaste värdet är 67,2${NB}% (2023).`);
    expect(s.text).not.toMatch(/ökade|minskade|rätt håll|fel håll/);
    // two or three values (method two_points): the sign of the change between the two years is told, no certainty, no count of points
    const two = developmentSentence(INFO, row({since_status: "insufficient_data", since_method: "two_points", trend: "no_clear_change"}));
    expect(two.kind).toBe("insufficient_data");
    expect(two.text).toBe(`Sysselsättningsgrad, utrikes födda 20–64 år ökade från 62,1${NB}% (2020) till 67,2${NB}% (2023) (förändring mellan två år: för få för en säker bedömning); trenden 2018–2023 visar ingen säker förändring.`);
  });

  it("county: the municipalities' distribution, counts with agreement", async () => {
    const {distributionSentence} = await import("../../indicators/report/sentences.js");
    const c = {indicator_id: "x", sex: "T" as const, group: "all" as const, basis: "county_series" as const, window_from_year: 2017, window_to_year: 2022, n_municipalities: 13,
      n_improving: 5, n_worsening: 1, n_no_clear_change: 7, n_insufficient_data: 0, county_trend: "improving" as const, median_year: 2022, median_value: 1, median_n: 13};
    expect(distributionSentence(INFO, c).text).toBe("Sysselsättningsgrad, utrikes födda 20–64 år: trenden går åt rätt håll i 5 av länets 13 kommuner, åt fel håll i 1 och visar ingen säker förändring i 7 (trender 2017–2022).");
  });

  it("series break inside the window: no change is quoted across it", () => {
    const s = developmentSentence({...INFO, series_breaks: [{year: 2022, note: "Ny definition från 2022."}]}, row());
    expect(s.kind).toBe("series_break");
    expect(s.text).toBe(`Sysselsättningsgrad, utrikes födda 20–64 år: serien har ett brott 2022 (Ny definition från 2022), så utvecklingen sedan 2020 redovisas inte; senaste värdet är 67,2${NB}% (2023).`);
    expect(s.text).not.toContain("62,1");
    // a break before the window does not stop the sentence
    expect(developmentSentence({...INFO, series_breaks: [{year: 2019, note: "x"}]}, row()).kind).toBe("improving");
  });

  it("negative numbers get the true minus sign; the gap clause quotes magnitudes and says narrowed/widened", () => {
    const gap = row({group: "gap", since_from_value: -10.34, since_to_value: -8.04, since_change: 2.3, since_status: "improving"});
    const s = developmentSentence(INFO, row(), gap);
    expect(s.text).toContain(`skillnaden mot samtliga minskade från 10,3${NB}procentenheter till 8,0${NB}procentenheter.`);
    const cross = row({group: "gap", since_from_value: -1.5, since_to_value: 0.7, since_change: 2.2, since_status: "improving"});
    expect(developmentSentence(INFO, row(), cross).text).toContain(`gick från ${MINUS}1,5${NB}procentenheter till 0,7${NB}procentenheter`);
    expect(developmentSentence(INFO, row(), cross).text).not.toContain("-1,5");
    expect(comparisonSentence(INFO, row({diff_vs_county: -2.25, county_value: 69.45}), false).text).toContain(`2,3${NB}procentenheter lägre än länets (69,5${NB}%)`);
  });

  it("comparison: högre/lägre by the sign of the difference; the median is named with its N; the county compares with Sweden only", () => {
    expect(comparisonSentence(INFO, row(), false).text).toBe(
      `2023 var värdet 1,2${NB}procentenheter högre än länets (66,0${NB}%) och 1,2${NB}procentenheter lägre än rikets (68,4${NB}%).`
    );
    const med = comparisonSentence(INFO, row({county_comparator: "municipal_median", county_n: 13}), false);
    expect(med.text).toContain("högre än medianen av länets 13 kommuner (66,0");
    const county = comparisonSentence(INFO, row({area_code: "0006"}), true);
    expect(county.text).toBe(`2023 var värdet 1,2${NB}procentenheter lägre än rikets (68,4${NB}%).`);
    const none = comparisonSentence(INFO, row({county_comparator: "none", county_value: null, diff_vs_county: null, county_note: "Enkäten redovisas bara för deltagande kommuner."}), false);
    expect(none.text).toContain("Jämförelse med länet saknas: Enkäten redovisas bara för deltagande kommuner.");
    expect(none.text).not.toContain("länets (");
    expect(comparisonSentence(INFO, row({diff_vs_county: 0.02}), false).text).toContain("lika högt som länets");
  });

  it("thousands get a non-breaking space", () => {
    const s = developmentSentence({...INFO, unit: "sek"}, row({since_from_value: 1234.4, since_to_value: 25300, since_change: 24065.6}));
    expect(s.text).toContain(`från 1${NB}234${NB}kr (2020) till 25${NB}300${NB}kr (2023)`);
  });

  it("overview: 1 indikator / 2 indikatorer, only the categories that occur, the no-assessment clause", () => {
    expect(overviewSentence({improving: 2, worsening: 1, no_clear_change: 2, no_assessment: 1, no_value: 0}).text).toBe(
      "Av områdets 6 indikatorer går 2 åt rätt håll, 1 går åt fel håll och 2 visar ingen säker förändring (trenden de senaste åren); 1 indikator har för få värden för en bedömning."
    );
    expect(overviewSentence({improving: 0, worsening: 1, no_clear_change: 0, no_assessment: 0, no_value: 0}).text).toBe(
      "Områdets enda indikator går åt fel håll (trenden de senaste åren)."
    );
    expect(overviewSentence({improving: 1, worsening: 0, no_clear_change: 0, no_assessment: 2, no_value: 1}).text).toBe(
      "Av områdets 4 indikatorer går 1 åt rätt håll (trenden de senaste åren); 2 indikatorer har för få värden för en bedömning och 1 indikator saknar värden."
    );
    const none = overviewSentence({improving: 0, worsening: 0, no_clear_change: 0, no_assessment: 3, no_value: 0});
    expect(none.kind).toBe("overview_missing");
    expect(none.text).toBe("Ingen av områdets 3 indikatorer har tillräckligt många värden för en bedömning av trenden.");
    expect(count(1, "kommun", "kommuner")).toBe("1 kommun");
    expect(count(0, "kommun", "kommuner")).toBe("0 kommuner");
  });

  it("attention, improvement and goal-rank lines", () => {
    const r = row({trend: "worsening", latest_value: 60.0, county_value: 66.0, trend_t: -3.1, trend_slope_per_year: -0.84});
    expect(attentionSentence(INFO, r, {name: "länets", value: 66, column: "county_value"}).text).toBe(
      `Sysselsättningsgrad, utrikes födda 20–64 år: går åt fel håll (trend 2018–2023) och 60,0${NB}% (2023) är sämre än länets (66,0${NB}%).`
    );
    expect(improvementSentence(INFO, row()).text).toBe(
      `Sysselsättningsgrad, utrikes födda 20–64 år: går åt rätt håll (trend 2018–2023, +1,1${NB}procentenheter per år) (t${NB}=${NB}4,4); senaste värdet 67,2${NB}% (2023).`
    );
    expect(improvementSentence(INFO, row({trend_slope_per_year: -0.5})).text).toContain(`${MINUS}0,5${NB}procentenheter per år`);
    expect(goalRankSentence("bostäder", 1, 1, 0).text).toBe("Bostäder: 1 fall behöver uppmärksamhet (i 1 kommun); 0 fall går åt rätt håll.");
    expect(goalRankSentence("Hälsa", 0, 0, 3).text).toBe("Hälsa: inget fall behöver uppmärksamhet; 3 fall går åt rätt håll.");
  });

  it("worse than by direction, target = farther from the target", () => {
    expect(worseThan("higher_is_better", 1, 2, null)).toBe(true);
    expect(worseThan("lower_is_better", 1, 2, null)).toBe(false);
    expect(worseThan("target", -3, 2, 0)).toBe(true);
    expect(worseThan("target", 0.9, 1.2, 1)).toBe(false);
    expect(worseThan("none", 1, 2, null)).toBeNull();
  });
});
