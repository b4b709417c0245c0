/**
 * Områdestyp 1–5 (socio-economic area type) per RegSO; SCB AA0003F IntGr5Socio, produced by SCB
 * for Delegationen mot segregation (Delmos; since 2023 Boverket's Segregationsbarometern). The API
 * id is not known, so the table is found by its title on every run.
 */
import {defineScbTable, SCB_LICENCE} from "../table.js";

export default defineScbTable({
  key: "regso_area_type",
  table: {query: "områdestyp RegSO", title: /^Områdestyp\b.*\(RegSO\)/i},
  regions: ["regso"],
  plausible: {min: 1, max: 5},
  optional: false,
  publisher: "SCB (Statistiska centralbyrån) på uppdrag av Delegationen mot segregation (Delmos), numera Boverket",
  licence: SCB_LICENCE,
  description: "Områdestyp 1–5 (socioekonomisk indelning) per RegSO"
});
