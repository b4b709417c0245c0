/**
 * Median income (tkr) and number of persons 20+ per DeSO; SCB HE0110I (DeSO income table). The API
 * id is not known, so the table is found by its title on every run. Its two measures are two
 * ContentsCode values: ContentsCode serves as the classification variable (mapped on labels).
 */
import {defineScbTable, SCB_LICENCE, SCB_PUBLISHER} from "../table.js";

export default defineScbTable({
  key: "deso_median_income",
  table: {query: "medianinkomst DeSO", title: /inkomst\b.*\(DeSO\)/i},
  regions: ["deso"],
  classification: {variable: "ContentsCode", values: {all: true}},
  // A median is never summed: a DeSO split in 2025 gives its 2018 parent no median.
  additive: false,
  plausible: {min: 0, max: 100_000},
  optional: false,
  publisher: SCB_PUBLISHER,
  licence: SCB_LICENCE,
  description: "Medianinkomst (tkr) och antal personer 20 år och äldre per DeSO"
});
