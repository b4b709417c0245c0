/** Population by birth region (born in Sweden / all) per RegSO, 31 Dec; SCB BE0101Y FolkmDesoLandKon. */
import {defineScbTable, KON_TOTAL, SCB_LICENCE, SCB_PUBLISHER} from "../table.js";

export default defineScbTable({
  key: "regso_population_birthregion",
  table: {ssd_path: "BE/BE0101/BE0101Y/FolkmDesoLandKon", id: "TAB6572"},
  regions: ["regso"],
  classification: {variable: "Fodelseregion", values: {all: true}},
  totals: KON_TOTAL,
  plausible: {min: 0},
  optional: false,
  publisher: SCB_PUBLISHER,
  licence: SCB_LICENCE,
  description: "Folkmängd efter födelseregion (totalt, Sverige) per RegSO, 31 december"
});
