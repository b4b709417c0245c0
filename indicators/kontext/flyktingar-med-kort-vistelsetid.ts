import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Flyktingar som bott 0–6 år i Sverige, andel av alla flyktingar",
  title_en: "Refugees with 0–6 years in Sweden, share of all refugees",
  description_sv: "Andel av skyddsbehövande och deras anhöriga i kommunen som bott i Sverige 0–6 år (SCB:s STATIV). Sammanhang för flyktingars sysselsättning: en stor andel nyanlända sänker andelen förvärvsarbetande.",
  description_en: "Share of refugees and their family members in the municipality who have lived in Sweden 0–6 years; context for refugees' employment.",
  kind: "context",
  subgoals: [],
  inputs: ["kolada:N00704"],
  unit: "percent",
  direction: "none",
  direction_reason: "Kontextindikator: beskriver befolkningen eller mottagandet, inget värde är bättre i sig.",
  sexes: ["T"],
  groups: ["refugees"],
  comparison_group: null,
  caveats: [
    CAVEATS.smallMunicipalities
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N00704", group: "refugees", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
