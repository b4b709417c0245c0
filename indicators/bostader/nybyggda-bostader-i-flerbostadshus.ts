import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Färdigställda nya bostäder i flerbostadshus per 1 000 invånare",
  title_en: "New dwellings completed in multi-dwelling buildings per 1,000 inhabitants",
  description_sv: "Antal nybyggda lägenheter i flerbostadshus som blivit färdiga under året, per 1 000 invånare (SCB). Nya bostäder ger bättre förutsättningar för boende, också för nyanlända som söker en första egen bostad.",
  description_en: "Newly built dwellings in multi-dwelling buildings completed during the year per 1,000 inhabitants.",
  kind: "goal",
  subgoals: ["bos.tranas-1"],
  inputs: ["kolada:N07906"],
  unit: "per_1000",
  direction: "higher_is_better",
  direction_reason: "12 av 13 kommuner rapporterar underskott på bostäder 2022 (bostadsmarknadsläget), så fler färdigställda lägenheter är i länet ett steg mot målet; i en kommun i balans är högre inte bättre i sig.",
  sexes: ["T"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Mäter utbudet av nya bostäder, inte vem som kan få dem eller vad de kostar. Varierar mycket mellan åren i små kommuner."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N07906", group: "all", break_year: 0},
  checks: {range: [0, 1000], expect_areas: ["0000", "0680", "0687"], expect_years: [2015, 2022]}
});
