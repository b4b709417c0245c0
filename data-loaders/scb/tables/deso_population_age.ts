/** Population by five-year age group per DeSO; SCB BE0101Y FolkmDesoAldKon (ContentsCode 000007Y7). */
import {defineScbTable, KON_TOTAL, SCB_LICENCE, SCB_PUBLISHER} from "../table.js";

export default defineScbTable({
  key: "deso_population_age",
  table: {ssd_path: "BE/BE0101/BE0101Y/FolkmDesoAldKon", id: "TAB6574"},
  regions: ["deso"],
  classification: {variable: "Alder", values: {all: true}},
  totals: KON_TOTAL,
  contents: {codes: ["000007Y7"]},
  plausible: {min: 0},
  optional: false,
  publisher: SCB_PUBLISHER,
  licence: SCB_LICENCE,
  description: "Folkmängd efter femårsklass per DeSO, 31 december"
});
