/**
 * The area indicators, in display order. An explicit list (a test checks it matches the files
 * in this folder): adding an indicator = adding its file and one line here.
 */
import type {AreaIndicator} from "./define.js";
import utrikesFodda from "./utrikes-fodda-andel-regso.js";
import utlandskBakgrund from "./utlandsk-bakgrund-andel-regso.js";
import hyresratter from "./hyresratter-andel-regso.js";
import personerPerHushall from "./personer-per-hushall-regso.js";
import forgymnasial from "./forgymnasial-utbildning-andel-regso.js";
import medelloneinkomst from "./medelloneinkomst-regso.js";
import unga from "./unga-0-19-andel-regso.js";
import aldre from "./aldre-65-andel-regso.js";
import medianinkomst from "./medianinkomst-deso.js";

export const AREA_INDICATORS: readonly AreaIndicator[] = [
  utrikesFodda,
  utlandskBakgrund,
  hyresratter,
  personerPerHushall,
  forgymnasial,
  medelloneinkomst,
  unga,
  aldre,
  medianinkomst
];

/** Files in this folder that are not indicators. */
export const AREA_INFRASTRUCTURE_FILES = ["define.ts", "index.ts", "meta.ts", "sql.ts", "compute.ts"] as const;
