import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Försörjningsstöd som andel av flyktingars nettoinkomst",
  title_en: "Social assistance as a share of refugees' net income",
  description_sv: "Försörjningsstöd till skyddsbehövande och deras anhöriga 20–64 år som andel av gruppens sammanlagda nettoinkomst. Ju lägre andel, desto mer försörjer gruppen sig själv – Tranås fokusmål är att alla ska kunna bli självförsörjande.",
  description_en: "Social assistance paid to refugees and their family members aged 20–64 as a share of the group's total net income; lower means more self-sufficiency.",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:N00702"],
  unit: "percent",
  direction: "lower_is_better",
  direction_reason: "Mindre försörjningsstöd i inkomsten betyder mer egen försörjning: lägre är bättre.",
  sexes: ["T"],
  groups: ["refugees"],
  comparison_group: null,
  caveats: [
    CAVEATS.refugees,
    CAVEATS.smallMunicipalities
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N00702", group: "refugees", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
