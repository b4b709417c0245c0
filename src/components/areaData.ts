/**
 * The neighbourhood files under src/data/pub/areas/. Their contract is data-loaders/publish/areas-contract.ts
 * (zod, which pages cannot import at run time); this module mirrors the fields the site reads and checks
 * them on load, so a change of shape fails loudly in one place.
 */
import type {Direction, SourceRef} from "../../indicators/published.js";
import {AREA_TYPE_LABEL} from "./labels.js";

export type Comparator = "municipality" | "county" | "area_type" | "rank" | "change";

export interface AreaIndicator {
  id: string;
  goal_area: string;
  title_sv: string;
  description_sv: string;
  unit: string;
  unit_label_sv: string;
  diff_unit_label_sv: string;
  direction: Direction;
  level: "regso" | "deso";
  /** 'ratio': a share of counts (pooled comparators); 'level': a mean or median (compared between areas only). */
  kind: "ratio" | "level";
  /** A ratio of counts summed from DeSO to RegSO (our calculation). */
  summed_from_deso: boolean;
  caveats: string[];
  sources: SourceRef[];
  base_unit: string | null;
  no_base_reason: {sv: string} | null;
  comparators: Comparator[];
  years: number[];
  files: {csv: string; parquet: string};
}

export interface RegsoArea {
  code: string;
  name: string;
  short_name: string;
  level: "regso" | "deso" | string;
  municipality_code: string | null;
  area_type: number | null;
}

export interface AreaCatalogue {
  generated_at: string;
  indicators: AreaIndicator[];
  areas: RegsoArea[];
  area_types: {year: number | null; source: string; types: {type: number; label_sv: string}[]};
  omradesgrupper: {municipality_code: string; groups: {code: string; name: string; regso: {code: string}[]}[]};
  sources: SourceRef[];
  suppression: {min_base: number; rule_sv: string};
  comparisons: Record<"municipality" | "county" | "area_type" | "change" | "rank" | "means_and_medians", {sv: string}>;
  boundaries: {sv: string};
  files: {comparisons: string; omradesgrupper: string; omradesgrupper_excel: string; catalogue: string};
}

function get(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o !== null && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function need(obj: unknown, where: string, fields: Record<string, string>): void {
  for (const [path, type] of Object.entries(fields)) {
    const v = get(obj, path);
    const ok = type === "array" ? Array.isArray(v) : type.endsWith("|null") ? v === null || typeof v === type.slice(0, -5) : typeof v === type;
    if (!ok) throw new Error(`areas/catalogue.json: ${where}.${path} should be ${type}, got ${JSON.stringify(v)}`);
  }
}

/** Check the fields of areas/catalogue.json the site uses (throws naming the first bad one). */
export function checkAreaCatalogue(json: unknown): AreaCatalogue {
  need(json, "$", {
    generated_at: "string", indicators: "array", areas: "array", "area_types.types": "array", "omradesgrupper.groups": "array",
    sources: "array", "suppression.min_base": "number", "suppression.rule_sv": "string", "boundaries.sv": "string",
    "files.comparisons": "string", "files.omradesgrupper": "string", "files.omradesgrupper_excel": "string"
  });
  const cat = json as AreaCatalogue;
  for (const k of ["municipality", "county", "area_type", "change", "rank", "means_and_medians"] as const) need(cat.comparisons, "$.comparisons", {[`${k}.sv`]: "string"});
  cat.indicators.forEach((ind, i) => need(ind, `$.indicators[${i}]`, {
    id: "string", title_sv: "string", description_sv: "string", unit: "string", unit_label_sv: "string", diff_unit_label_sv: "string",
    direction: "string", level: "string", kind: "string", caveats: "array", sources: "array", comparators: "array", years: "array",
    "files.csv": "string", "files.parquet": "string"
  }));
  cat.areas.forEach((a, i) => need(a, `$.areas[${i}]`, {code: "string", name: "string", short_name: "string", level: "string", "municipality_code": "string|null", area_type: "number|null"}));
  cat.area_types.types.forEach((t, i) => need(t, `$.area_types.types[${i}]`, {type: "number", label_sv: "string"}));
  return cat;
}

/** Label of an area type (1–5), from the catalogue or SCB's standard wording. */
export function areaTypeLabel(cat: AreaCatalogue, type: number | null): string {
  if (type === null) return "Områdestyp saknas";
  return cat.area_types.types.find((t) => t.type === type)?.label_sv ?? AREA_TYPE_LABEL[type] ?? `Områdestyp ${type}`;
}

/** The RegSO of the neighbourhood groups (Områdesgrupper), pre-selected on the page. */
export function namedAreas(cat: AreaCatalogue): string[] {
  return cat.omradesgrupper.groups.flatMap((g) => g.regso.map((r) => r.code));
}

/** The county's RegSO areas, by municipality name then short name. */
export function regsoAreas(cat: AreaCatalogue, municipalityName: (code: string) => string): RegsoArea[] {
  return cat.areas
    .filter((a) => a.level === "regso")
    .sort((a, b) => municipalityName(a.municipality_code ?? "").localeCompare(municipalityName(b.municipality_code ?? ""), "sv") || a.short_name.localeCompare(b.short_name, "sv"));
}

/** Swedish words for the published base units. */
export const BASE_UNIT_SV: Record<string, string> = {persons: "personer", dwellings: "lägenheter", households: "hushåll"};

/** A published reason (English in the files) in Swedish: "base below 50: 42 persons" → "underlag under 50: 42 personer". */
export function reasonSv(reason: string): string {
  if (reason === "") return "";
  const m = /^base below (\d+): (\d+) (\w+)$/.exec(reason);
  if (m) return `underlaget är under ${m[1]}: ${m[2]} ${BASE_UNIT_SV[m[3]!] ?? m[3]}`;
  if (reason === "no value in the source") return "inget värde i källan";
  return reason;
}

/** The years a measure has rows for at its level, ascending (never empty for a published measure). */
export function measureYears(rows: readonly {year: number}[]): number[] {
  return [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
}

/** The county's RegSO of one area type, the area itself excluded: the areas a same-type comparison pools. */
export function sameTypeAreas(cat: AreaCatalogue, code: string): RegsoArea[] {
  const me = cat.areas.find((a) => a.code === code);
  if (!me || me.area_type === null) return [];
  return cat.areas.filter((a) => a.level === "regso" && a.area_type === me.area_type && a.code !== code);
}
