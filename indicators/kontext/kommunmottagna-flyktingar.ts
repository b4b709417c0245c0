import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Kommunmottagna i flyktingmottagandet",
  title_en: "Refugees received by the municipality",
  description_sv: "Antal personer med uppehållstillstånd som flyktingar, skyddsbehövande, av ömmande skäl eller som anhöriga som för första gången tagits emot i kommunen under året (Migrationsverket). De som flyttar vidare till en annan kommun räknas inte där.",
  description_en: "Number of persons granted residence as refugees, persons in need of protection or their family members who were received by a municipality for the first time during the year.",
  kind: "context",
  subgoals: [],
  inputs: ["kolada:N01986"],
  unit: "count",
  direction: "none",
  direction_reason: "Kontextindikator: beskriver befolkningen eller mottagandet, inget värde är bättre i sig.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Antal, inte andel: stora kommuner tar emot fler. Uppdelningen på kön finns från 2016."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N01986", group: "all", break_year: 0},
  checks: {range: [0, 1000000], expect_areas: ["0000", "0680", "0687"], expect_years: [2016, 2022]}
});
