import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Asylsökande inskrivna i Migrationsverkets mottagande per 1 000 invånare",
  title_en: "Asylum seekers registered in the Migration Agency's reception per 1,000 inhabitants",
  description_sv: "Antal asylsökande och andra inskrivna i Migrationsverkets mottagningssystem den 31 december per 1 000 invånare året före.",
  description_en: "Asylum seekers and others registered in the Migration Agency's reception system on 31 December per 1,000 inhabitants.",
  kind: "context",
  subgoals: [],
  inputs: ["kolada:N01993"],
  unit: "per_1000",
  direction: "none",
  direction_reason: "Kontextindikator: beskriver befolkningen eller mottagandet, inget värde är bättre i sig.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Uppdelningen på kön finns från 2016."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N01993", group: "all", break_year: 0},
  checks: {range: [0, 1000], expect_areas: ["0000", "0680", "0687"], expect_years: [2016, 2022]}
});
