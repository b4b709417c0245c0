/** The neighbourhood map in a ChartCard: the map, its table alternative (one row per area shown) and the boundary note. */
import {ChartCard} from "./chartCard.js";
import {COMPARISON_COLUMNS, type ComparisonRow} from "./csv.js";
import {AreaMap, type MapShape} from "./areaMap.js";
import {areaTypeLabel, reasonSv} from "./areaData.js";
import type {AreaView} from "./areaPage.js";
import {formatValue, formatYear} from "./format.js";

export interface BoundariesFile {
  note: {sv: string};
  source: {publisher: string; url: string; licence: string; fetched_at: string};
  deso: {features: MapShape[]};
  regso: {features: MapShape[]};
}

/** RegSO (or, for a DeSO measure, DeSO) map of the year; `focus` zooms to a municipality. */
export function MapCard(v: AreaView, o: {boundaries: BoundariesFile; focus: string | null; focusName: string; outlined: readonly string[]; zoomToOutlined?: boolean; onSelect?: (code: string) => void}): HTMLElement {
  const deso = v.ind.level === "deso";
  const shapes = deso ? o.boundaries.deso.features : o.boundaries.regso.features;
  const codeOf = (s: MapShape) => (deso ? String(s.properties.deso_2018) : s.properties.code);
  const yearRows = v.rows.filter((r) => r.year === v.year);
  const byCode = new Map(yearRows.map((r) => [r.area_code, r]));
  const inView = new Set(shapes.filter((s) => o.focus === null || s.properties.municipality_code === o.focus).map(codeOf));
  const rows: ComparisonRow[] = yearRows.filter((r) => inView.has(r.area_code)).sort((a, b) => a.area_code.localeCompare(b.area_code));
  const regsoOf = new Map(o.boundaries.deso.features.map((f) => [String(f.properties.deso_2018), String(f.properties.regso)]));
  const areaType = (code: string) => {
    const regso = deso ? regsoOf.get(code) ?? "" : code;
    const t = v.acat.areas.find((a) => a.code === regso)?.area_type ?? null;
    return `Områdestyp ${t ?? "–"}: ${areaTypeLabel(v.acat, t)}`;
  };
  const label = (code: string) => (deso ? `${code} (${v.label(regsoOf.get(code) ?? "")})` : v.label(code));
  const parts = deso ? shapes.filter((s) => inView.has(codeOf(s))).length : rows.length;
  return ChartCard({
    id: deso ? "karta-deso" : "karta-regso",
    title: `${v.ind.title_sv} ${formatYear(v.year)} – karta över ${deso ? "DeSO" : "RegSO"}, ${o.focusName}`,
    subtitle: `${rows.length} områden${deso && parts !== rows.length ? ` (${parts} ytor: DeSO som delades 2025 ritas som sina delar med samma värde)` : ""}. ` +
      `Fem lika breda klasser över länets värden, från ljust (lägst) till mörkt (högst). Enhet: ${v.ind.unit_label_sv}. ` +
      (o.onSelect ? "Klicka på ett område (eller välj det med Tab och Enter) för att lägga till det i jämförelsen." : ""),
    chart: AreaMap({
      shapes, codeOf, unit: v.ind.unit, unitLabel: v.ind.unit_label_sv, width: v.width, title: `${v.ind.title_sv}, karta`,
      valueOf: (code) => {
        const r = byCode.get(code);
        return r ? {value: r.suppressed ? null : r.value, suppressed: r.suppressed, reason: reasonSv(r.reason)} : undefined;
      },
      label, detail: areaType,
      domainValues: yearRows.filter((r) => !r.suppressed && r.value !== null).map((r) => r.value!),
      focus: o.focus, outlined: deso ? [] : o.outlined, selected: deso ? [] : v.selected,
      ...(o.zoomToOutlined ? {zoomTo: deso ? o.boundaries.deso.features.filter((f) => o.outlined.includes(String(f.properties.regso))).map(codeOf) : o.outlined} : {}),
      ...(o.onSelect && !deso ? {onSelect: o.onSelect} : {})
    }),
    rows,
    table: [
      {key: "area_code", label: "Kod"},
      {key: "area_label", label: "Område", format: (r) => label(r.area_code)},
      {key: "area_type", label: "Områdestyp", format: (r) => areaType(r.area_code)},
      {key: "value", label: "Värde", numeric: true, format: (r) => (r.suppressed ? `Undertryckt: ${reasonSv(r.reason) || "för litet underlag"}` : formatValue(r.value, v.ind.unit))}
    ],
    csv: {columns: COMPARISON_COLUMNS, filename: `${v.ind.id}-karta-${v.year}`},
    sources: v.ind.sources,
    sourceExtra: `Gränser: ${o.boundaries.source.publisher}, ${o.boundaries.source.licence}. ${o.boundaries.note.sv}`,
    notes: rows.filter((r) => r.suppressed).map((r) => `${label(r.area_code)}: värdet visas inte (streckat) – ${reasonSv(r.reason) || "för litet underlag"}`)
  });
}
