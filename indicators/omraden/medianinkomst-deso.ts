import {defineAreaIndicator} from "./define.js";

export default defineAreaIndicator(import.meta.url, {
  title_sv: "Inkomst, median för personer 20 år och äldre (DeSO)",
  title_en: "Income, median for persons aged 20 and over (DeSO)",
  description_sv:
    "Medianinkomst i tusen kronor för personer 20 år och äldre som var folkbokförda i Sverige hela året, per DeSO 2022. En median kan inte summeras eller medelvärdesbildas: den redovisas bara per DeSO.",
  description_en:
    "Median income in thousand SEK for persons aged 20 and over registered in Sweden the whole year, per DeSO 2022. A median cannot be summed or averaged: it is published per DeSO only.",
  goal_area: "kontext",
  kind: "level",
  statistic: "median",
  level: "deso",
  base_unit: "persons",
  inputs: ["scb:deso_median_income"],
  unit: "tkr",
  direction: "higher_is_better",
  decimals: 1,
  caveats: [
    "Inkomstbegreppet är troligen sammanräknad förvärvsinkomst (lön, näringsinkomst, pension, skattepliktiga ersättningar; ej kapitalinkomst) men är inte bekräftat av källfilen.",
    "Fasta priser för senaste året (SCB:s fotnot). Personer som inte kan placeras under kommunnivå förs till centralortens DeSO.",
    "Redovisas bara per DeSO: ingen RegSO-, kommun- eller länsmedian kan bildas ur DeSO-medianer."
  ],
  sql: `
    with source as (
      select region_code, year, median_income_tkr, persons
      from stg_scb__deso_median_income
    ),
    final as (
      select region_code, year, median_income_tkr as value, persons as base
      from source
    )
    select * from final
  `,
  params: {},
  checks: {range: [0, 5000], expect_years: [2022]}
});
