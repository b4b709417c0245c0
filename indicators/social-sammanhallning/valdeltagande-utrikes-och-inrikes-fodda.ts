import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Valdeltagande i kommunvalet, utrikes och inrikes födda",
  title_en: "Turnout in municipal elections, foreign-born and born in Sweden",
  description_sv: "Andel av de röstberättigade utrikes födda som röstade i kommunfullmäktigevalet, jämfört med inrikes födda, och skillnaden i procentenheter. Valdeltagandet är ett mått på delaktighet i samhället.",
  description_en: "Share of entitled foreign-born voters who voted in the municipal council election, compared with those born in Sweden, and the gap in percentage points.",
  kind: "goal",
  subgoals: ["soc.tranas-2"],
  inputs: ["kolada:U65861", "kolada:U65860"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Högre valdeltagande är bättre; gapet mellan utrikes och inrikes födda har målet 0.",
  sexes: ["T", "K", "M"],
  groups: ["foreign_born", "born_in_sweden", "gap"],
  comparison_group: "born_in_sweden",
  caveats: [
    CAVEATS.electionYearsOnly,
    "I kommunval får också utländska medborgare rösta som varit folkbokförda i Sverige i tre år i följd, så de utrikes födda röstberättigade är fler än i riksdagsval."
  ],
  series_breaks: [],
  sql: SQL.kolada_election_gap,
  params: {kpi_foreign: "U65861", kpi_comparison: "U65860", comparison_group: "born_in_sweden", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2018, 2022]}
});
