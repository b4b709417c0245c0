/** Population 25–64 by education level per DeSO; SCB UF0506D UtbSUNBefDesoRegso. */
import {defineScbTable, SCB_LICENCE, SCB_PUBLISHER} from "../table.js";

export default defineScbTable({
  key: "deso_education",
  table: {ssd_path: "UF/UF0506/UF0506D/UtbSUNBefDesoRegso", id: "TAB5956"},
  regions: ["deso"],
  classification: {variable: "UtbildningsNiva", values: {all: true}},
  plausible: {min: 0},
  optional: false,
  publisher: SCB_PUBLISHER,
  licence: SCB_LICENCE,
  description: "Befolkning 25–64 år efter utbildningsnivå per DeSO"
});
