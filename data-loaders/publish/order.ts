/** Display order of areas, groups and sexes in the published files, as '|'-lists for SQL $params. */
import {AreaLevel, Group, Sex} from "../../indicators/published.js";

/** country → county → municipality → regso → deso. */
export const LEVEL_ORDER = {level_order: AreaLevel.options.join("|")};
/** All three orders, for the tidy and summary queries. */
export const ROW_ORDER = {
  ...LEVEL_ORDER,
  group_order: Group.options.join("|"),
  // Kolada's order: total, women, men
  sex_order: Sex.options.join("|")
};
