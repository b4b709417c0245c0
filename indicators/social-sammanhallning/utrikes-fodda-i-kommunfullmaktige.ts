import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Utrikes födda i kommunfullmäktige, balanstal",
  title_en: "Foreign-born in the municipal council, balance ratio",
  description_sv: "Andelen utrikes födda bland ledamöterna i kommunfullmäktige delad med andelen utrikes födda i kommunens befolkning (SCB). Balanstalet 1 betyder att fullmäktige speglar befolkningen.",
  description_en: "Share of foreign-born among municipal council members divided by the foreign-born share of the population; 1 means the council mirrors the population.",
  kind: "goal",
  subgoals: ["soc.tranas-2"],
  inputs: ["kolada:N05832"],
  unit: "ratio",
  direction: "target",
  target_value: 1,
  direction_reason: "Balanstal: målet är 1 (fullmäktige speglar befolkningen), inte så högt som möjligt. Rang och trend räknas på avståndet till 1.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.electionYearsOnly,
    CAVEATS.balanceRatioTarget,
    "I små fullmäktigeförsamlingar ändrar en enda ledamot balanstalet mycket."
  ],
  series_breaks: [],
  sql: SQL.kolada_election_single,
  params: {kpi: "N05832", group: "all", break_year: 0},
  checks: {range: [0, 10], expect_areas: ["0680", "0687"], expect_years: [2014, 2022]}
});
