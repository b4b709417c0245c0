import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Deltagartillfällen i idrottsföreningar per invånare 7–20 år",
  title_en: "Participation occasions in sports clubs per inhabitant aged 7–20",
  description_sv: "Antal deltagartillfällen för 7–20-åringar i idrottsföreningar med statligt lokalt aktivitetsstöd (LOK-stöd), per invånare 7–20 år (Riksidrottsförbundet). Föreningsidrotten är den största delen av civilsamhället för barn och unga.",
  description_en: "Participation occasions of 7–20-year-olds in sports clubs receiving state activity support, per inhabitant aged 7–20 (Swedish Sports Confederation).",
  kind: "goal",
  subgoals: ["soc.tranas-2"],
  inputs: ["kolada:U09800"],
  unit: "per_inhabitant",
  direction: "higher_is_better",
  direction_reason: "Föreningsdeltagande är delmålets mått på delaktighet: högre är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    CAVEATS.notByBackground,
    "Räknar tillfällen, inte personer: samma barn kan delta många gånger."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "U09800", group: "all", break_year: 0},
  checks: {range: [0, 1000], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
