import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Kommunmottagna i flyktingmottagandet per 1 000 invånare",
  title_en: "Refugees received by the municipality per 1,000 inhabitants",
  description_sv: "Antal bosatta i kommunen som tagits emot i flyktingmottagandet under året, per 1 000 invånare (SKR, Migrationsverket och SCB).",
  description_en: "Residents received in the refugee reception during the year per 1,000 inhabitants.",
  kind: "context",
  subgoals: [],
  inputs: ["kolada:N02006"],
  unit: "per_1000",
  direction: "none",
  direction_reason: "Kontextindikator: beskriver befolkningen eller mottagandet, inget värde är bättre i sig.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Uppdelningen på kön finns från 2016."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N02006", group: "all", break_year: 0},
  checks: {range: [0, 1000], expect_areas: ["0000", "0680", "0687"], expect_years: [2016, 2022]}
});
