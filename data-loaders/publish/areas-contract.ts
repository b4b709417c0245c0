/**
 * The contract of the neighbourhood files under areas/ (beside indicators/published.ts, which holds
 * the tidy columns they share with the municipal files). Schema and type share a name.
 *
 *   areas/<indicator-id>.csv, .parquet   TidyRow (area_level regso or deso)
 *   areas/comparisons.csv                ComparisonRow: area × indicator × year against its comparators
 *   areas/omradesgrupper.csv             OmradesgruppRow with Swedish headers, for the neighbourhood groups
 *   areas/omradesgrupper.excel.csv       the same for Swedish Excel (BOM, semicolon, decimal comma)
 *   areas/catalogue.json                 AreasCatalogue
 */
import {z} from "zod";
import {AreaLevel, CatalogueArea, CatalogueIndicator, Group, SourceRef} from "../../indicators/published.js";

/** A source table of the area indicators with its provenance (from meta_raw_files). */
export interface AreaSource extends SourceRef {
  table_key: string;
  table_id: string;
  /** The tidy files' source column for a value SCB published: "SCB TAB6572", or the table's title where the id is a stand-in. */
  label: string;
}

/** Columns of comparisons.csv, in order. */
export const COMPARISON_COLUMNS = [
  "indicator_id", "area_code", "area_name", "area_level", "municipality_code", "area_type", "year", "unit",
  "value", "municipality_value", "county_value", "same_type_value", "same_type_n",
  "diff_municipality", "diff_county", "diff_same_type", "change_from_year", "change",
  "rank", "rank_of", "base", "base_unit", "status", "suppressed", "reason", "note"
] as const;

const num = z.number().nullable();
const int = z.number().int().nullable();

export const ComparisonRow = z.object({
  indicator_id: z.string(),
  area_code: z.string(),
  area_name: z.string(),
  area_level: AreaLevel,
  municipality_code: z.string(),
  /** Områdestyp 1–5 of a RegSO; null for DeSO. */
  area_type: int,
  year: z.number().int(),
  unit: z.string(),
  value: num,
  /** The same ratio of counts summed over the municipality's RegSO (null for means and medians). */
  municipality_value: num,
  county_value: num,
  /** Pooled over the county's RegSO of the same area type, this area included. */
  same_type_value: num,
  same_type_n: int,
  diff_municipality: num,
  diff_county: num,
  diff_same_type: num,
  /** Set on the latest year's row only: change = value(latest) − value(change_from_year). */
  change_from_year: int,
  change: num,
  /** Rank among the county's areas of the same level; 1 = highest value, ties share a rank. */
  rank: int,
  rank_of: int,
  /** What the value is a share of (or the persons a median is taken over); null where the table has none. */
  base: num,
  base_unit: z.string(),
  status: z.enum(["", "missing", "suppressed"]),
  suppressed: z.boolean(),
  reason: z.string(),
  note: z.string()
});
export type ComparisonRow = z.infer<typeof ComparisonRow>;

/** Columns of omradesgrupper.csv: keys and the Swedish headers written in the file. */
export const OMRADESGRUPP_COLUMNS = [
  ["indicator_id", "Indikator-id"],
  ["indicator", "Indikator"],
  ["unit", "Enhet"],
  ["diff_unit", "Enhet för skillnad och förändring"],
  ["group", "Områdesgrupp"],
  ["comparison", "Jämförelse"],
  ["area_name", "Område"],
  ["area_code", "Kod"],
  ["area_type", "Områdestyp"],
  ["from_year", "Från år"],
  ["value_from", "Värde från år"],
  ["latest_year", "Senaste år"],
  ["value_latest", "Värde senaste år"],
  ["change", "Förändring"],
  ["diff_municipality", "Skillnad mot kommunen"],
  ["diff_county", "Skillnad mot länet"],
  ["diff_same_type", "Skillnad mot samma områdestyp"],
  ["rank", "Rang i länet (1 = högst värde)"],
  ["rank_of", "Antal rangordnade"],
  ["base_latest", "Underlag senaste år"],
  ["base_unit", "Underlagets enhet"],
  ["status", "Status"],
  ["note", "Anmärkning"],
  ["source", "Källa"],
  ["retrieved", "Hämtad"]
] as const;

/** What a row of omradesgrupper.csv compares. */
export const OmradesgruppComparison = z.enum([
  "område", "områdesgruppen sammanvägd", "kommunen", "länet", "samma områdestyp i länet"
]);

export const OmradesgruppRow = z.object({
  indicator_id: z.string(),
  indicator: z.string(),
  unit: z.string(),
  diff_unit: z.string(),
  group: z.string(),
  comparison: OmradesgruppComparison,
  area_name: z.string(),
  area_code: z.string(),
  area_type: int,
  from_year: int,
  value_from: num,
  latest_year: z.number().int(),
  value_latest: num,
  change: num,
  diff_municipality: num,
  diff_county: num,
  diff_same_type: num,
  rank: int,
  rank_of: int,
  base_latest: num,
  base_unit: z.string(),
  /** '' ordinary; 'saknas' no value; 'undertryckt' base below the threshold; 'ej beräkningsbar' no valid comparator. */
  status: z.enum(["", "saknas", "undertryckt", "ej beräkningsbar"]),
  note: z.string(),
  source: z.string(),
  retrieved: z.string()
});
export type OmradesgruppRow = z.infer<typeof OmradesgruppRow>;

const Text = z.object({sv: z.string(), en: z.string()});

/** An area indicator in the catalogue: the municipal catalogue's descriptive fields plus the area specifics. */
export const AreasCatalogueIndicator = CatalogueIndicator.pick({
  id: true, goal_area: true, title_sv: true, title_en: true, description_sv: true, description_en: true,
  unit: true, unit_label_sv: true, direction: true, caveats: true, sources: true
}).extend({
  level: z.enum(["regso", "deso"]),
  /** 'ratio': a ratio of counts (pooled comparators possible); 'level': a mean or median (rank only). */
  kind: z.enum(["ratio", "level"]),
  statistic: z.enum(["ratio", "mean", "median"]),
  /** True where DeSO counts were summed to RegSO. */
  summed_from_deso: z.boolean(),
  diff_unit_label_sv: z.string(),
  decimals: z.number().int(),
  group: Group,
  numerator: Text.nullable(),
  denominator: Text.nullable(),
  /** What the suppression base counts; null = no base in the table (never suppressed). */
  base_unit: z.string().nullable(),
  no_base_reason: Text.nullable(),
  comparators: z.array(z.enum(["municipality", "county", "area_type", "rank", "change"])),
  inputs: z.array(z.string()),
  years: z.array(z.number().int()),
  files: z.object({csv: z.string(), parquet: z.string()})
});
export type AreasCatalogueIndicator = z.infer<typeof AreasCatalogueIndicator>;

export const AreasCatalogueArea = CatalogueArea.extend({
  municipality_code: z.string().nullable()
});
export type AreasCatalogueArea = z.infer<typeof AreasCatalogueArea>;

export const AreasCatalogue = z.object({
  generated_at: z.string(),
  indicators: z.array(AreasCatalogueIndicator),
  areas: z.array(AreasCatalogueArea),
  area_types: z.object({
    /** Year of the områdestyp classification (the latest SCB/Delmos table), applied to every year. */
    year: z.number().int().nullable(),
    source: z.string(),
    types: z.array(z.object({type: z.number().int(), label_sv: z.string(), label_en: z.string(), regso_in_county: z.number().int()}))
  }),
  omradesgrupper: z.object({
    municipality_code: z.string(),
    groups: z.array(z.object({code: z.string(), name: z.string(), regso: z.array(z.object({code: z.string(), name: z.string(), area_type: z.number().int().nullable()}))}))
  }),
  sources: z.array(SourceRef),
  suppression: z.object({min_base: z.number().int(), rule_sv: z.string(), rule_en: z.string()}),
  comparisons: z.object({
    municipality: Text,
    county: Text,
    area_type: Text,
    change: Text,
    rank: Text,
    means_and_medians: Text
  }),
  boundaries: Text,
  files: z.object({comparisons: z.string(), omradesgrupper: z.string(), omradesgrupper_excel: z.string(), catalogue: z.string()})
});
export type AreasCatalogue = z.infer<typeof AreasCatalogue>;
