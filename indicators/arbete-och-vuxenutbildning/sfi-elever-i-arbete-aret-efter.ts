import {CAVEATS} from "../caveats.js";
import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Sfi-elever som arbetar året efter avslutad utbildning",
  title_en: "SFI students in work the year after finishing",
  description_sv: "Andel av dem som avslutat sfi (och inte fortsatt i komvux) som arbetar året efter, enligt Skolverkets etableringsmått. Visar om utbildningen tjänar arbetsmarknadens behov.",
  description_en: "Share of those who finished SFI (and did not continue in adult education) who work the following year, per the National Agency for Education's establishment measure.",
  kind: "goal",
  subgoals: ["arb.jonkoping-4"],
  inputs: ["kolada:N18953"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Sfi ska leda till arbete: högre andel i arbete året efter är bättre.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Från 2022 räknas avslutade elever på ett nytt sätt; Kolada säger att jämförelser mellan åren bör göras med försiktighet. Första värdet från 2022 är markerat som brott i serien. Koladas katalog har senare nyckeltalet N18957 med den nya definitionen; det finns inte i nuvarande dataunderlag.",
    "Arbete omfattar också osäker och svag ställning på arbetsmarknaden.",
    CAVEATS.smallMunicipalities
  ],
  series_breaks: [
    {year: 2022, note: "Ny definition av avslutade elever från 2022 (tidigare alla med betyg som inte fanns i komvux eller sfi året efter)."}
  ],
  sql: SQL.kolada_single,
  params: {kpi: "N18953", group: "all", break_year: 2022},
  checks: {range: [0, 100], expect_areas: ["0680", "0687"], expect_years: [2015, 2022]}
});
