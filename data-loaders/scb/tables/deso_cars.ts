/** Passenger cars in use per DeSO; SCB TK1001Z PersBilarDeso. Context only, hence optional. */
import {defineScbTable, SCB_LICENCE, SCB_PUBLISHER} from "../table.js";

export default defineScbTable({
  key: "deso_cars",
  table: {ssd_path: "TK/TK1001/TK1001Z/PersBilarDeso", id: "TAB6091"},
  regions: ["deso"],
  fixed: {Status: {labels: ["i trafik"]}},
  plausible: {min: 0},
  optional: true,
  publisher: SCB_PUBLISHER,
  licence: SCB_LICENCE,
  description: "Personbilar i trafik per DeSO"
});
