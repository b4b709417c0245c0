/**
 * The neighbourhood files under src/data/pub/areas/: catalogue.json (area indicators, RegSO with short names and
 * area types) and comparisons.csv (see csv.ts). indicators/published.ts does not define these yet; this module is
 * the one place the site reads their shape, checked on load.
 */
import type {Direction, SourceRef} from "../../indicators/published.js";
import {AREA_TYPE_LABEL} from "./labels.js";

export interface AreaIndicator {
  id: string;
  title_sv: string;
  description_sv: string;
  unit: string;
  unit_label_sv: string;
  direction: Direction;
  goal_area: string;
  /** False where there is no base to form a municipal value (e.g. mean wage income): compared between areas only. */
  compare_with_municipality: boolean;
  years: number[];
  caveats: string[];
  sources: SourceRef[];
  files: {csv: string};
}

export interface RegsoArea {
  code: string;
  name: string;
  short_name: string;
  municipality_code: string;
  municipality_name: string;
  area_type: number | null;
}

export interface AreaCatalogue {
  generated_at: string;
  suppression_threshold: number;
  area_types: {type: number; label: string}[];
  indicators: AreaIndicator[];
  areas: RegsoArea[];
}

/** The five RegSO of Jönköping's Områdesgrupper (Öxnehaga is two RegSO), pre-selected on the page. */
export const NAMED_AREAS = ["0680R024", "0680R034", "0680R035", "0680R033", "0680R014"];

function need(obj: unknown, key: string, type: string, where: string): void {
  const v = (obj as Record<string, unknown>)[key];
  const ok = type === "array" ? Array.isArray(v) : type === "number|null" ? v === null || typeof v === "number" : typeof v === type;
  if (!ok) throw new Error(`areas/catalogue.json: ${where}.${key} should be ${type}, got ${JSON.stringify(v)}`);
}

/** Check the area catalogue's shape (throws naming the first bad field). */
export function checkAreaCatalogue(json: unknown): AreaCatalogue {
  for (const [k, t] of [["generated_at", "string"], ["suppression_threshold", "number"], ["area_types", "array"], ["indicators", "array"], ["areas", "array"]] as const) need(json, k, t, "$");
  const cat = json as AreaCatalogue;
  cat.indicators.forEach((ind, i) => {
    for (const [k, t] of [["id", "string"], ["title_sv", "string"], ["unit", "string"], ["unit_label_sv", "string"], ["direction", "string"], ["compare_with_municipality", "boolean"], ["sources", "array"], ["caveats", "array"]] as const) need(ind, k, t, `$.indicators[${i}]`);
  });
  cat.areas.forEach((a, i) => {
    for (const [k, t] of [["code", "string"], ["name", "string"], ["short_name", "string"], ["municipality_code", "string"], ["municipality_name", "string"], ["area_type", "number|null"]] as const) need(a, k, t, `$.areas[${i}]`);
  });
  return cat;
}

/** Label of an area type (1–5), from the catalogue or SCB's standard wording. */
export function areaTypeLabel(cat: AreaCatalogue, type: number | null): string {
  if (type === null) return "Områdestyp saknas";
  return cat.area_types.find((t) => t.type === type)?.label ?? AREA_TYPE_LABEL[type] ?? `Områdestyp ${type}`;
}
