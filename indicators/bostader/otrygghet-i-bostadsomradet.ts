import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Otrygga ute sent på kvällen i det egna bostadsområdet",
  title_en: "Feeling unsafe outdoors late at night in one's own neighbourhood",
  description_sv: "Andel som känner sig otrygga om de går ut ensamma en sen kväll i området där de bor (BRÅ:s nationella trygghetsundersökning).",
  description_en: "Share who feel unsafe going out alone late at night in their own neighbourhood (Crime Prevention Council's national safety survey).",
  kind: "goal",
  subgoals: ["bos.tranas-2"],
  inputs: ["kolada:N07609"],
  unit: "percent",
  direction: "lower_is_better",
  direction_reason: "Trygghet i bostadsområdet är målet: lägre andel otrygga är bättre.",
  // BRÅ's NTU pools two survey years ("samredovisas åren två och två", Kolada N07609) and publishes them under the even year.
  period_years: 2,
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Två års svar slås ihop och redovisas på det senare året (2019–2020 som 2020, 2021–2022 som 2022).",
    "Koladas beskrivning talar om andelen trygga, men titeln och värdena (omkring en fjärdedel) gäller andelen otrygga.",
    "Gäller hela kommunen: ingen uppdelning på bostadsområden eller födelseland."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N07609", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2020, 2022]}
});
