/** Dwellings by tenure; RegSO rows for every year and DeSO rows (2022 only); SCB BO0104 BO0104T10N. */
import {defineScbTable, SCB_LICENCE, SCB_PUBLISHER} from "../table.js";

export default defineScbTable({
  key: "dwellings_tenure",
  table: {ssd_path: "BO/BO0104/BO0104X/BO0104T10N", id: "TAB6258"},
  regions: ["regso", "deso"],
  classification: {variable: "Upplatelseform", values: {all: true}},
  plausible: {min: 0},
  optional: false,
  publisher: SCB_PUBLISHER,
  licence: SCB_LICENCE,
  description: "Antal lägenheter efter upplåtelseform per RegSO och DeSO"
});
