/** Swedish display labels of the indicator units (catalogue.json unit_label_sv, README). */
import type {Unit} from "../../indicators/define.js";

export const UNIT_LABEL_SV: Record<Unit, string> = {
  percent: "procent",
  percentage_points: "procentenheter",
  count: "antal",
  per_1000: "antal per 1 000 invånare",
  per_10000: "antal per 10 000 invånare",
  per_100000: "antal per 100 000 invånare",
  per_inhabitant: "per invånare",
  sek: "kronor",
  tkr: "tusental kronor",
  ratio: "kvot",
  index: "index",
  days: "dagar",
  persons_per_household: "personer per hushåll",
  share_0_1: "andel (0–1)"
};

