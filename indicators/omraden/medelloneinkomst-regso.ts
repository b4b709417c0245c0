import {defineAreaIndicator} from "./define.js";

export default defineAreaIndicator(import.meta.url, {
  title_sv: "Löneinkomst, medelvärde för samtliga 20 år och äldre",
  title_en: "Wage income, mean over all persons aged 20 and over",
  description_sv:
    "Medelvärde av löneinkomst i tusen kronor för samtliga folkbokförda 20 år och äldre (även de utan löneinkomst), per RegSO. Kan bara jämföras mellan områden.",
  description_en:
    "Mean wage income in thousand SEK over all registered persons aged 20 and over (including those with no wage income), per RegSO. Comparable between areas only.",
  goal_area: "arbete-och-vuxenutbildning",
  kind: "level",
  statistic: "mean",
  level: "regso",
  base_unit: null,
  no_base_reason: {
    sv: "Tabellen anger inte antalet personer som medelvärdet avser: inget kommun-, läns- eller områdestypsvärde kan bildas (ett medelvärde av områdenas medelvärden är inte kommunens medelvärde), och små underlag kan inte undertryckas.",
    en: "The table does not give the number of persons the mean is taken over: no municipal, county or area-type value can be formed (a mean of area means is not the municipal mean), and small bases cannot be suppressed."
  },
  inputs: ["scb:regso_mean_wage_income"],
  unit: "tkr",
  direction: "higher_is_better",
  decimals: 1,
  caveats: [
    "Jämförs bara mellan områden (värde och rang); kommun-, läns- och områdestypsvärden saknas eftersom befolkningsbasen saknas.",
    "SCB anger vanligen RegSO-inkomster i fasta priser för senaste året; exporten bakom tabellen saknade fotnot, så löpande eller fasta priser är inte bekräftat: tolka förändring över tid med försiktighet.",
    "Medelvärdet påverkas av ett fåtal höga inkomster och av andelen utan löneinkomst (studerande, pensionärer)."
  ],
  sql: `
    with source as (
      select region_code, year, mean_income_tkr
      from stg_scb__regso_mean_wage_income
    ),
    final as (
      select region_code, year, mean_income_tkr as value, cast(null as double) as base
      from source
    )
    select * from final
  `,
  params: {},
  checks: {range: [0, 5000], expect_years: [2020, 2021, 2022, 2023]}
});
