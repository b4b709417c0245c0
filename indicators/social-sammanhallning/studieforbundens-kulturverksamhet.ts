import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Studieförbundens deltagartimmar inom kultur per invånare",
  title_en: "Study associations' participant hours in culture per inhabitant",
  description_sv: "Studieförbundens deltagartimmar inom kultur per invånare (Folkbildningsrådet och SCB). Studieförbunden är en del av civilsamhället och en mötesplats för vuxna.",
  description_en: "Study associations' participant hours in cultural activities per inhabitant; study associations are part of civil society and a meeting place for adults.",
  kind: "goal",
  subgoals: ["soc.tranas-2"],
  inputs: ["kolada:N09701"],
  unit: "per_inhabitant",
  direction: "higher_is_better",
  direction_reason: "Deltagande i kulturverksamhet är delmålets mått på delaktighet: högre är bättre.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.notByBackground,
    "Räknar timmar, inte personer."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N09701", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
