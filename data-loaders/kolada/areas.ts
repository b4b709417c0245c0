/** Which Kolada areas a scope covers, derived from the /municipality list (never hard-coded). */
import type {Scope} from "../lib/types.js";
import type {KoladaMunicipality} from "./schemas.js";

/** Kolada id of Riket (the whole country). */
export const KOLADA_COUNTRY = "0000";
/** Kolada id of Region Jönköpings län; its municipalities' ids start with "06". */
export const KOLADA_COUNTY = "0006";

/**
 * Area ids for a scope: county = Riket, Region Jönköpings län and the municipalities of the county
 * (type K, id starting with the county's two-digit län code); sweden = every listed area.
 */
export function selectAreaIds(areas: readonly KoladaMunicipality[], scope: Scope): string[] {
  if (scope === "sweden") return areas.map((a) => a.id);
  const lan = KOLADA_COUNTY.slice(2);
  return areas
    .filter((a) => a.id === KOLADA_COUNTRY || a.id === KOLADA_COUNTY || (a.type === "K" && a.id.startsWith(lan)))
    .map((a) => a.id);
}
