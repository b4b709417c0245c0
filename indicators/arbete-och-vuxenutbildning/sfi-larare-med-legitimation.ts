import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Lärare i sfi med lärarlegitimation",
  title_en: "SFI teachers with a teaching certificate",
  description_sv: "Andel av lärarna (heltidstjänster) i sfi i kommunens egna skolenheter som har lärarlegitimation och behörighet i minst ett ämne. Ett resursmått för kvaliteten i svenskundervisningen.",
  description_en: "Share of SFI teachers (full-time equivalents) in the municipality's own schools who hold a teaching certificate; a resource measure of the quality of Swedish tuition.",
  kind: "goal",
  subgoals: ["arb.jonkoping-4"],
  inputs: ["kolada:N18704"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Behöriga lärare är ett kvalitetsmått för sfi: högre andel är bättre.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Gäller bara kommunens egen regi, inte sfi hos andra anordnare.",
    CAVEATS.smallMunicipalities
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N18704", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
