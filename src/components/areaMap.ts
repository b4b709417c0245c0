/**
 * Choropleth of the neighbourhoods (RegSO or DeSO shapes from areas/boundaries.json) in plain SVG with d3-geo: five
 * classes of a colour-blind-safe sequential palette (ColorBrewer Blues), dark outlines so the lightest class shows on
 * white, suppressed areas hatched (the reason in the tooltip and the table), zoomable to one municipality by
 * refitting the projection. Each area is a focusable button: click or Enter calls `onSelect(code)`.
 */
import {geoArea, geoCentroid, geoMercator, geoPath} from "d3-geo";
import {formatTick, formatValue} from "./format.js";

/** ColorBrewer Blues, 5 classes (colour-blind safe, prints in grey). */
export const MAP_BLUES = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
const SVG = "http://www.w3.org/2000/svg";

export interface MapShape {
  type: "Feature";
  properties: {code: string; municipality_code: string; [k: string]: unknown};
  geometry: {type: "Polygon" | "MultiPolygon"; coordinates: unknown};
}

export interface MapValue {
  value: number | null;
  suppressed: boolean;
  reason: string;
}

export interface AreaMapOptions {
  shapes: readonly MapShape[];
  /** The statistic's area code a shape shows (a DeSO 2025 part shows its DeSO 2018 parent). */
  codeOf: (s: MapShape) => string;
  valueOf: (code: string) => MapValue | undefined;
  /** Tooltip and label text of an area code. */
  label: (code: string) => string;
  /** Extra tooltip line (e.g. the area type). */
  detail?: (code: string) => string;
  unit: string;
  unitLabel: string;
  /** Class limits come from all values (the whole county), so zooming never changes a colour. */
  domainValues: readonly number[];
  /** Municipality code to zoom to; null = the whole county. */
  focus: string | null;
  /** Zoom further, to these codes' extent (with a margin); areas around them stay drawn but clipped. */
  zoomTo?: readonly string[];
  /** Codes drawn with a thick outline and labelled. */
  outlined?: readonly string[];
  /** Codes currently selected (a marker in the tooltip, a dashed outline). */
  selected?: readonly string[];
  onSelect?: (code: string) => void;
  /** Codes to label (default: the outlined ones) and the label text (default: the name without its municipality). */
  labels?: readonly string[];
  labelText?: (code: string) => string;
  /** A reference value shown in the legend with its class colour (e.g. Sweden's). */
  reference?: {label: string; value: number | null};
  width: number;
  title: string;
}

/** Below this width, more than six labels become a list under the map instead of text on it. */
const LABEL_LIST_BELOW = 560;

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  e.append(...children);
  return e;
}

/** Class limits: five equal-width classes over the values, on nice round numbers. */
export function classLimits(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (lo === hi) return [lo, hi];
  const step = (hi - lo) / 5;
  return Array.from({length: 6}, (_, i) => lo + i * step);
}

/** Index 0–4 of a value's class. */
export function classOf(v: number, limits: readonly number[]): number {
  if (limits.length < 2) return 2;
  for (let i = 1; i < limits.length - 1; i++) if (v < limits[i]!) return i - 1;
  return limits.length - 2;
}

function legend(o: AreaMapOptions, limits: readonly number[], hatchId: string, anySuppressed: boolean): HTMLElement {
  const box = document.createElement("div");
  box.className = "map-legend";
  const head = document.createElement("div");
  head.className = "map-legend-title";
  head.textContent = o.unitLabel;
  box.append(head);
  const item = (swatch: SVGSVGElement, text: string) => {
    const row = document.createElement("span");
    row.className = "map-legend-item";
    row.append(swatch, ` ${text}`);
    box.append(row);
  };
  const sw = (fill: string) => el("svg", {width: 18, height: 12, "aria-hidden": "true"}, el("rect", {x: 0.5, y: 0.5, width: 17, height: 11, fill, stroke: "#4d4d4d"}));
  if (limits.length >= 2) {
    for (let i = 0; i < limits.length - 1; i++) item(sw(MAP_BLUES[i]!), `${formatTick(limits[i]!)}–${formatTick(limits[i + 1]!)}`);
  }
  if (anySuppressed) item(sw(`url(#${hatchId})`), "undertryckt (för litet underlag)");
  item(sw("#ffffff"), "värde saknas");
  if (o.reference) {
    const r = o.reference;
    item(sw(r.value === null ? "#ffffff" : MAP_BLUES[classOf(r.value, limits)]!), `${r.label}: ${formatValue(r.value, o.unit)}`);
    box.lastElementChild!.classList.add("map-legend-reference");
  }
  return box;
}

let uid = 0;

/** The map with its legend (see module comment). */
export function AreaMap(o: AreaMapOptions): HTMLElement {
  const id = `map-${++uid}`;
  const hatchId = `${id}-hatch`;
  const width = Math.max(280, Math.min(o.width, 760));
  const inView = o.shapes.filter((s) => o.focus === null || s.properties.municipality_code === o.focus);
  const zoom = new Set(o.zoomTo ?? []);
  const fitTo = zoom.size ? inView.filter((s) => zoom.has(o.codeOf(s))) : inView;
  const height = Math.round(width * (o.focus === null ? 1.05 : 0.85));
  const pad = zoom.size ? Math.round(width * 0.12) : 6;
  const projection = geoMercator().fitExtent([[pad, pad], [width - pad, height - pad]], {type: "FeatureCollection", features: fitTo} as never);
  const path = geoPath(projection);
  const limits = classLimits(o.domainValues);
  const outlined = new Set(o.outlined ?? []);
  const selected = new Set(o.selected ?? []);
  const svg = el("svg", {viewBox: `0 0 ${width} ${height}`, width, height, role: "group", "aria-label": o.title, class: "area-map", overflow: "hidden"});
  svg.append(el("defs", {}, el("pattern", {id: hatchId, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)"},
    el("rect", {width: 6, height: 6, fill: "#ffffff"}), el("line", {x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#4d4d4d", "stroke-width": 2}))));
  // Larger shapes first: the source's rural DeSO cover the villages inside them, which must stay on top.
  const ordered = [...inView].sort((a, b) => geoArea(b as never) - geoArea(a as never));
  const areas = el("g", {class: "areas"});
  let anySuppressed = false;
  for (const s of ordered) {
    const code = o.codeOf(s);
    const v = o.valueOf(code);
    const suppressed = v?.suppressed ?? false;
    anySuppressed ||= suppressed;
    const fill = suppressed ? `url(#${hatchId})` : v?.value !== null && v?.value !== undefined ? MAP_BLUES[classOf(v.value, limits)]! : "#ffffff";
    const text = [
      o.label(code),
      suppressed ? `värdet visas inte – ${v?.reason || "för litet underlag"}` : formatValue(v?.value ?? null, o.unit) + (v?.value === null || v === undefined ? " (värde saknas)" : ""),
      o.detail?.(code) ?? "",
      selected.has(code) ? "Vald i jämförelsen" : o.onSelect ? "Klicka för att lägga till i jämförelsen" : ""
    ].filter(Boolean).join("\n");
    const p = el("path", {d: path(s as never) ?? "", fill, stroke: "#4d4d4d", "stroke-width": 0.6, "data-code": code, "data-shape": s.properties.code,
      "data-suppressed": String(suppressed), "data-value": v?.value ?? "", tabindex: o.onSelect ? 0 : -1, role: o.onSelect ? "button" : "img",
      "aria-label": text.replaceAll("\n", ", "), "aria-pressed": o.onSelect ? String(selected.has(code)) : ""},
    el("title", {}, text));
    if (!o.onSelect) p.removeAttribute("aria-pressed");
    if (o.onSelect) {
      p.addEventListener("click", () => o.onSelect!(code));
      p.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          o.onSelect!(code);
        }
      });
    }
    areas.append(p);
  }
  svg.append(areas);
  // Outlines of the selected and the named areas on top of all fills.
  const top = el("g", {class: "outlines", "pointer-events": "none"});
  for (const s of ordered) {
    const code = o.codeOf(s);
    if (outlined.has(code)) top.append(el("path", {d: path(s as never) ?? "", fill: "none", stroke: "#000", "stroke-width": 2.4}));
    else if (selected.has(code)) top.append(el("path", {d: path(s as never) ?? "", fill: "none", stroke: "#000", "stroke-width": 1.6, "stroke-dasharray": "4,2"}));
  }
  // One label per outlined area, at its centroid; a label that would overlap one already placed moves down
  // (then up) in steps and gets a leader line to its area, so labels never overlap.
  const placed: {x0: number; x1: number; y0: number; y1: number}[] = [];
  const labelled = new Set<string>();
  const toLabel = new Set(o.labels ?? outlined);
  const asList = width < LABEL_LIST_BELOW && toLabel.size > 6;
  const labelText = o.labelText ?? ((code: string) => o.label(code).replace(/ \(.*\)$/, ""));
  const anchors = asList ? [] : ordered.filter((s) => toLabel.has(o.codeOf(s))).map((s) => ({s, xy: projection(geoCentroid(s as never)) ?? [0, 0]})).sort((a, b) => a.xy[1] - b.xy[1]);
  for (const {s, xy} of anchors) {
    const code = o.codeOf(s);
    if (labelled.has(code)) continue;
    labelled.add(code);
    const text = labelText(code);
    const w = text.length * 7.2 + 6;
    const hgt = 15;
    const box = (y: number) => ({x0: Math.min(Math.max(xy[0] - w / 2, 2), width - w - 2), x1: 0, y0: y - hgt + 3, y1: y + 3});
    const free = (b: ReturnType<typeof box>) => placed.every((p) => b.x0 + w <= p.x0 || b.x0 >= p.x1 || b.y1 <= p.y0 || b.y0 >= p.y1);
    let y = xy[1];
    for (let step = 1; step < 40 && !free(box(y)); step++) y = xy[1] + (step % 2 ? 1 : -1) * Math.ceil(step / 2) * hgt;
    const b = box(y);
    b.x1 = b.x0 + w;
    placed.push(b);
    if (Math.abs(y - xy[1]) > 1) top.append(el("line", {x1: xy[0], y1: xy[1], x2: b.x0 + w / 2, y2: y - 4, stroke: "#000", "stroke-width": 1}));
    top.append(el("text", {x: b.x0 + w / 2, y, "text-anchor": "middle", "font-size": 12, "font-weight": 700, fill: "#000", stroke: "#fff", "stroke-width": 4, "paint-order": "stroke", class: "map-label"}, text));
  }
  svg.append(top);
  const wrap = document.createElement("div");
  wrap.className = "area-map-wrap";
  wrap.append(legend(o, limits, hatchId, anySuppressed), svg);
  if (asList) {
    const list = document.createElement("ul");
    list.className = "map-label-list";
    for (const code of [...toLabel].sort((a, b) => o.label(a).localeCompare(o.label(b), "sv"))) {
      const li = document.createElement("li");
      li.textContent = labelText(code);
      list.append(li);
    }
    wrap.append(list);
  }
  return wrap;
}
