import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Unga flyktingar 20–25 år som varken arbetar eller studerar",
  title_en: "Young refugees aged 20–25 neither working nor studying",
  description_sv: "Andel av skyddsbehövande och deras anhöriga 20–25 år som varken förvärvsarbetar eller är inskrivna i någon skolform (sfi räknas som studier). Många av de ensamkommande barn som kom 2015–2016 var i den åldern 2018–2022; måttet visar om unga flyktingar fått utbildning och arbete.",
  description_en: "Share of refugees and their family members aged 20–25 who neither work nor study; many unaccompanied minors who arrived in 2015–2016 were this age in 2018–2022.",
  kind: "goal",
  subgoals: ["ens.tranas-3"],
  inputs: ["kolada:N00703"],
  unit: "percent",
  direction: "lower_is_better",
  direction_reason: "Unga utanför arbete och studier är det delmålet vill minska: lägre är bättre.",
  sexes: ["T"],
  groups: ["refugees"],
  comparison_group: null,
  caveats: [
    "Gäller alla unga flyktingar, inte bara de som kom som ensamkommande barn: ingen offentlig statistik följer ensamkommande särskilt.",
    CAVEATS.refugees,
    CAVEATS.smallMunicipalities
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N00703", group: "refugees", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
