/** Population by foreign/Swedish background per DeSO; SCB BE0101Y FolkmDesoBakgrKon. */
import {defineScbTable, KON_TOTAL, SCB_LICENCE, SCB_PUBLISHER} from "../table.js";

export default defineScbTable({
  key: "deso_population_background",
  table: {ssd_path: "BE/BE0101/BE0101Y/FolkmDesoBakgrKon", id: "TAB6571"},
  regions: ["deso"],
  classification: {variable: "UtlBakgrund", values: {all: true}},
  totals: KON_TOTAL,
  plausible: {min: 0},
  optional: false,
  publisher: SCB_PUBLISHER,
  licence: SCB_LICENCE,
  description: "Folkmängd efter utländsk/svensk bakgrund per DeSO, 31 december"
});
