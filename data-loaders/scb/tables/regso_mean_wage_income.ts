/**
 * Mean wage income (tkr, all persons 20+) per RegSO; SCB HE0110I Tab1InkDesoN. The API id is
 * not known, so the table is found by its title on every run.
 */
import {defineScbTable, KON_TOTAL, SCB_LICENCE, SCB_PUBLISHER} from "../table.js";

export default defineScbTable({
  key: "regso_mean_wage_income",
  table: {query: "medelinkomst RegSO", title: /^Medelinkomst\b.*\(RegSO\).*inkomstkomponent/i},
  regions: ["regso"],
  fixed: {Inkomstkomponent: {labels: ["löneinkomst"]}},
  totals: KON_TOTAL,
  plausible: {min: 0, max: 10_000},
  optional: false,
  publisher: SCB_PUBLISHER,
  licence: SCB_LICENCE,
  description: "Medelvärde av löneinkomst (tkr) för personer 20 år och äldre per RegSO"
});
