import {defineIndicator} from "../define.js";
import {SQL} from "../sql/index.js";

export default defineIndicator(import.meta.url, {
  title_sv: "Asylsökande inskrivna i Migrationsverkets mottagande",
  title_en: "Asylum seekers registered in the Migration Agency's reception",
  description_sv: "Antal asylsökande och andra inskrivna i Migrationsverkets mottagningssystem som bor i kommunen den 31 december.",
  description_en: "Number of asylum seekers and others registered in the Migration Agency's reception system living in the municipality on 31 December.",
  kind: "context",
  subgoals: [],
  inputs: ["kolada:N01990"],
  unit: "count",
  direction: "none",
  direction_reason: "Kontextindikator: beskriver befolkningen eller mottagandet, inget värde är bättre i sig.",
  sexes: ["T", "K", "M"],
  groups: ["all"],
  comparison_group: null,
  caveats: [
    "Antal, inte andel. Uppdelningen på kön finns från 2016."
  ],
  series_breaks: [],
  sql: SQL.kolada_single,
  params: {kpi: "N01990", group: "all", break_year: 0},
  checks: {range: [0, 1000000], expect_areas: ["0000", "0680", "0687"], expect_years: [2016, 2022]}
});
