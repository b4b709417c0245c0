import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Sfi-elever som klarat minst två kurser inom två år",
  title_en: "SFI students who passed at least two courses within two years",
  description_sv: "Andel av dem som började i svenska för invandrare (sfi) två år tidigare som har klarat minst två kurser. Ett resultatmått för svenskundervisningen, som Jönköpings kommun vill ska hålla god kvalitet.",
  description_en: "Share of those who started Swedish for immigrants (SFI) two years earlier who have passed at least two courses; a result measure of the Swedish tuition.",
  kind: "goal",
  subgoals: ["arb.jonkoping-4", "arb.tranas-3"],
  inputs: ["kolada:N18409"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Progression i sfi är delmålet: högre andel som klarat kurserna är bättre.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Avser skolkommun: eleven räknas i kommunen där den sista kursen slutfördes.",
    CAVEATS.smallMunicipalities
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N18409", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
