/** Every SCB table the pipeline fetches, in fetch order. Each table is declared in its own file. */
import type {ScbTable} from "../table.js";
import deso_cars from "./deso_cars.js";
import deso_education from "./deso_education.js";
import deso_households from "./deso_households.js";
import deso_median_income from "./deso_median_income.js";
import deso_population_age from "./deso_population_age.js";
import deso_population_background from "./deso_population_background.js";
import dwellings_tenure from "./dwellings_tenure.js";
import regso_area_type from "./regso_area_type.js";
import regso_mean_wage_income from "./regso_mean_wage_income.js";
import regso_population_birthregion from "./regso_population_birthregion.js";

export const SCB_TABLES: readonly ScbTable[] = [
  regso_population_birthregion,
  dwellings_tenure,
  regso_mean_wage_income,
  regso_area_type,
  deso_population_background,
  deso_education,
  deso_population_age,
  deso_households,
  deso_cars,
  deso_median_income
];
