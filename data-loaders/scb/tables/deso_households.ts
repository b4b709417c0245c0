/** Number of households (all types) per DeSO; SCB BE0101Y HushallDesoTyp. Context only, hence optional. */
import {defineScbTable, SCB_LICENCE, SCB_PUBLISHER} from "../table.js";

export default defineScbTable({
  key: "deso_households",
  table: {ssd_path: "BE/BE0101/BE0101Y/HushallDesoTyp", id: "TAB6568"},
  regions: ["deso"],
  fixed: {Hushallstyp: {labels: ["totalt"]}},
  plausible: {min: 0},
  optional: true,
  publisher: SCB_PUBLISHER,
  licence: SCB_LICENCE,
  description: "Antal hushåll (samtliga hushållstyper) per DeSO"
});
