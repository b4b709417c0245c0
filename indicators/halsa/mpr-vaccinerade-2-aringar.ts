import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "MPR-vaccinerade 2-åringar",
  title_en: "Two-year-olds vaccinated against measles, mumps and rubella",
  description_sv: "Andel 2-åringar som fått första dosen vaccin mot mässling, påssjuka och röda hund (Nationella vaccinationsregistret). Ett mått på hur väl de förebyggande insatserna i barnhälsovården når alla barn.",
  description_en: "Share of two-year-olds who received the first MMR dose; a measure of how well preventive child health care reaches all children.",
  kind: "goal",
  subgoals: ["hal.tranas-1"],
  inputs: ["kolada:N01481"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Högre vaccinationstäckning är bättre (minst 95 % behövs för flockimmunitet); över 95 % finns ingen nackdel, så inget målvärde.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Vaccinationer som barnet fått i ett annat land registreras inte, så täckningen underskattas något – mest där många barn är födda utomlands.",
    "Inte uppdelat efter bakgrund. I nuvarande data finns bara 2021–2022."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N01481", group: "all", break_year: 0},
  checks: {range: [0, 100], expect_areas: ["0000", "0006", "0680", "0687"], expect_years: [2021, 2022]}
});
