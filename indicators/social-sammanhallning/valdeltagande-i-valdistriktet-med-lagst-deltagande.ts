import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Valdeltagande i valdistriktet med lägst valdeltagande",
  title_en: "Turnout in the electoral district with the lowest turnout",
  description_sv: "Valdeltagandet i kommunvalet i det valdistrikt i kommunen där det var lägst (Valmyndigheten och SCB). Ett lågt värde visar att delar av kommunen – ofta socioekonomiskt utsatta bostadsområden – står utanför den demokratiska delaktigheten.",
  description_en: "Turnout in the municipal election in the municipality's electoral district with the lowest turnout; a low value shows parts of the municipality left out of democratic participation.",
  kind: "goal",
  subgoals: ["soc.tranas-2"],
  inputs: ["kolada:N05831"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Högre valdeltagande i det svagaste distriktet betyder att färre delar av kommunen står utanför: högre är bättre.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.electionYearsOnly,
    "Valdistrikten kan ändras mellan valen, och distriktet med lägst deltagande kan vara ett annat vid nästa val.",
    "Inte uppdelat efter födelseland."
  ],
  series_breaks: [],
  sql: SQL.kolada_election_single,
  params: {kpi: "N05831", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0680", "0687"], expect_years: [2014, 2022]}
});
