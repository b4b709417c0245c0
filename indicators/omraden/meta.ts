/** Declarative facts the area indicators and their published files share: tables, area types, named areas, labels. */
import type {Unit} from "../define.js";
import type {AreaIndicator, BaseUnit} from "./define.js";

export interface AreaTable {
  /** SCB table id as declared in the staging contract; the id resolved at fetch time (raw_scb__cells) wins. */
  table_id: string;
  title_sv: string;
}

/** The SCB tables behind the area indicators, by staging table key (data-loaders/staging-schema.sql). */
export const AREA_TABLES: Readonly<Record<string, AreaTable>> = {
  regso_population_birthregion: {table_id: "TAB6572", title_sv: "Folkmängd efter region (RegSO), födelseregion och kön"},
  dwellings_tenure: {table_id: "TAB6258", title_sv: "Antal lägenheter efter region (RegSO/DeSO) och upplåtelseform"},
  regso_mean_wage_income: {table_id: "SIM_INKREGSO", title_sv: "Löneinkomst, medelvärde för samtliga 20 år och äldre, efter region (RegSO)"},
  deso_population_background: {table_id: "TAB6571", title_sv: "Folkmängd efter region (DeSO), utländsk/svensk bakgrund och kön"},
  deso_education: {table_id: "TAB5956", title_sv: "Befolkning 25–64 år efter region (DeSO) och utbildningsnivå"},
  deso_population_age: {table_id: "TAB6574", title_sv: "Folkmängd efter region (DeSO), ålder och kön"},
  deso_households: {table_id: "TAB6568", title_sv: "Antal hushåll efter region (DeSO) och hushållstyp"},
  deso_median_income: {table_id: "SIM_INKDESO", title_sv: "Inkomst, median för personer 20 år och äldre, efter region (DeSO)"},
  regso_area_type: {table_id: "SIM_OMRTYP", title_sv: "Områdestyp (socioekonomisk indelning) efter region (RegSO)"}
};

/** The county whose RegSO/DeSO the SCB tables here cover (Kolada id); its name when stg_areas has no county row. */
export const AREA_COUNTY = {code: "0006", name: "Jönköpings län"} as const;

/** Delmos/SCB områdestyper (socio-economic area types) 1–5. */
export const AREA_TYPES: readonly {type: number; label_sv: string; label_en: string}[] = [
  {type: 1, label_sv: "Områden med stora socioekonomiska utmaningar", label_en: "Areas with large socio-economic challenges"},
  {type: 2, label_sv: "Områden med socioekonomiska utmaningar", label_en: "Areas with socio-economic challenges"},
  {type: 3, label_sv: "Socioekonomiskt blandade områden", label_en: "Socio-economically mixed areas"},
  {type: 4, label_sv: "Områden med goda socioekonomiska förutsättningar", label_en: "Areas with good socio-economic conditions"},
  {type: 5, label_sv: "Områden med mycket goda socioekonomiska förutsättningar", label_en: "Areas with very good socio-economic conditions"}
];

/** A neighbourhood group (Områdesgrupp) and the RegSO it covers. */
export interface Omradesgrupp {
  /** Stable code used in the published files. */
  code: string;
  name: string;
  /** RegSO codes; their names come from stg_areas. */
  regso: readonly string[];
}

/** The groups one municipality works with, compared in areas/omradesgrupper.csv. */
export interface OmradesgruppSet {
  municipality_code: string;
  groups: readonly Omradesgrupp[];
}

/** Jönköping municipality's four named areas (seed 002) = five RegSO (PROVENANCE.md). */
export const OMRADESGRUPPER: OmradesgruppSet = {
  municipality_code: "0680",
  groups: [
    {code: "raslatt", name: "Råslätt", regso: ["0680R024"]},
    {code: "oxnehaga", name: "Öxnehaga", regso: ["0680R034", "0680R035"]},
    {code: "osterangen", name: "Österängen", regso: ["0680R033"]},
    {code: "huskvarna-soder", name: "Huskvarna söder", regso: ["0680R014"]}
  ]
};

/** Swedish unit labels for the units the area indicators use. */
export const UNIT_LABEL_SV: Partial<Record<Unit, string>> = {
  percent: "procent",
  tkr: "tusen kronor",
  persons_per_household: "personer per hushåll"
};

/** Unit of differences and changes: percentage points for shares, the unit itself otherwise. */
export const DIFF_UNIT_SV: Partial<Record<Unit, string>> = {
  percent: "procentenheter",
  tkr: "tusen kronor",
  persons_per_household: "personer per hushåll"
};

export const BASE_UNIT_SV: Readonly<Record<BaseUnit, string>> = {
  persons: "personer",
  dwellings: "lägenheter",
  households: "hushåll"
};

/** Swedish unit label of an area indicator; a unit without one is a definition error. */
export function unitLabelSv(ind: AreaIndicator): string {
  const label = UNIT_LABEL_SV[ind.unit];
  if (!label) throw new Error(`area indicator ${ind.id}: no Swedish label for unit ${ind.unit} (indicators/omraden/meta.ts)`);
  return label;
}

/** Swedish unit label of its differences and changes. */
export function diffUnitLabelSv(ind: AreaIndicator): string {
  const label = DIFF_UNIT_SV[ind.unit];
  if (!label) throw new Error(`area indicator ${ind.id}: no Swedish difference label for unit ${ind.unit} (indicators/omraden/meta.ts)`);
  return label;
}
