import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Kulturskolan har kurser riktade till nyinvandrade (ja = 1, nej = 0)",
  title_en: "The arts school offers courses aimed at the newly arrived (yes = 1, no = 0)",
  description_sv: "Om kommunens kulturskola har kurser som särskilt riktar sig till nyinvandrade (Kulturrådet). Ett av få mått på mötesplatser riktade till nyanlända.",
  description_en: "Whether the municipal arts school offers courses aimed specifically at newly arrived immigrants (Swedish Arts Council).",
  kind: "goal",
  subgoals: ["soc.tranas-1"],
  inputs: ["kolada:U09886"],
  unit: "index",
  direction: "higher_is_better",
  direction_reason: "Ja (1) är målet: kulturskolan når nyinvandrade. Ett ja/nej-svar har inget urvalsfel; trenden säger bara om svaren gått mot ja.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Bara ja eller nej: säger inget om hur många som deltar eller om andra mötesplatser.",
    "Finns inte för riket eller länet, och vissa kommuner saknar svar vissa år."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "U09886", group: "all", break_year: 0},
  checks: {range: [0, 1], expect_years: [2018, 2022]}
});
