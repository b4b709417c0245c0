/**
 * Plot charts with Swedish number formats everywhere (axes, labels, tooltips) and a colour-blind-safe palette
 * (Okabe–Ito). Series are told apart by colour AND line dash, symbol and a direct label.
 */
import * as Plot from "@observablehq/plot";
import {formatTick, formatValue, formatYear} from "./format.js";

/**
 * Okabe–Ito: blue, orange, dark grey, bluish green, reddish purple, vermillion, sky blue, yellow-brown; orange and
 * sky blue darkened (#E69F00 → #B07A00, #56B4E9 → #3A85BD) so every line and its label reach 3:1 on white (WCAG 1.4.11).
 */
export const PALETTE = ["#0072B2", "#B07A00", "#4D4D4D", "#009E73", "#CC79A7", "#D55E00", "#3A85BD", "#8C6D1F"];
const DASHES = ["none", "7,4", "2,3", "10,3,2,3", "4,2", "1,2", "12,4", "6,2,2,2"];
const SYMBOLS = ["circle", "square", "triangle", "diamond", "star", "cross", "wye", "times"];
export const HIGHLIGHT = "#0072B2";
export const MUTED = "#A9C5DD";
/** The outline of MUTED bars: the light fill alone is 1,8:1 on white, the outline 4,6:1. */
export const MUTED_STROKE = "#56789A";

export interface LinePoint {
  series: string;
  year: number;
  value: number | null;
}

/** Integer year ticks, thinned to fit the width. */
export function yearTicks(years: readonly number[], width: number): number[] {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  if (ys.length === 0) return [];
  const max = Math.max(2, Math.floor(width / 55));
  const step = Math.max(1, Math.ceil(ys.length / max));
  return ys.filter((_, i) => (ys.length - 1 - i) % step === 0);
}

function yLabel(unitLabel: string): string {
  return `↑ ${unitLabel}`;
}

/** A line chart over years: one line per series (first series emphasised), direct labels, breaks marked. */
export function LineChart(points: readonly LinePoint[], opts: {
  series: readonly string[]; unit: string; unitLabel: string; width: number; height?: number; compact?: boolean;
  breaks?: readonly {year: number; note: string}[]; title: string; yDomain?: [number, number];
}): SVGSVGElement | HTMLElement {
  const compact = opts.compact ?? false;
  const years = points.map((p) => p.year);
  const defined = points.filter((p) => p.value !== null);
  const last = opts.series.map((s) => defined.filter((p) => p.series === s).at(-1)).filter((p): p is LinePoint => !!p);
  const values = defined.map((p) => p.value!);
  const spansZero = values.some((v) => v < 0);
  const labelText = (p: LinePoint) => `${p.series}: ${formatValue(p.value, opts.unit)}`;
  const labelWidth = 14 + Math.max(0, ...last.map((p) => labelText(p).length)) * 6.6;
  // Direct labels at the line ends when they fit; on narrow screens or with long names a legend above instead.
  const legend = !compact && (opts.width < 600 || labelWidth > opts.width * 0.38);
  const marks: Plot.Markish[] = [];
  if (spansZero) marks.push(Plot.ruleY([0], {stroke: "#777"}));
  for (const b of opts.breaks ?? []) {
    marks.push(Plot.ruleX([b.year - 0.5], {stroke: "#555", strokeDasharray: "3,3"}));
    if (!compact) marks.push(Plot.text([b], {x: b.year - 0.5, frameAnchor: "top", text: () => (legend ? "Brott" : "Brott i serien"), dx: 4, textAnchor: "start", fill: "#444", fontSize: 11}));
  }
  opts.series.forEach((s, i) => {
    marks.push(Plot.line(points.filter((p) => p.series === s), {
      x: "year", y: "value", stroke: PALETTE[i % PALETTE.length], strokeWidth: i === 0 ? 2.5 : 1.6,
      strokeDasharray: DASHES[i % DASHES.length], curve: "linear"
    }));
  });
  marks.push(Plot.dot(defined, {
    x: "year", y: "value", fill: "series", symbol: "series", r: compact ? 2.2 : 3.2,
    title: (p: LinePoint) => `${p.series}\n${formatYear(p.year)}: ${formatValue(p.value, opts.unit)}`, tip: true
  }));
  if (!compact && !legend) {
    const height = opts.height ?? 320;
    // The y domain includes 0 when the zero rule is drawn.
    marks.push(Plot.text(spreadLabels(last, spansZero ? [...values, 0] : values, height - 60), {
      x: "year", y: "labelY", text: labelText,
      dx: 8, textAnchor: "start", fill: "series", fontWeight: 600, fontSize: 11, stroke: "white", strokeWidth: 3, paintOrder: "stroke"
    }));
  }
  const domain = [...opts.series];
  const marginRight = compact || legend ? 16 : Math.max(60, labelWidth);
  // A single value (or a flat series) would give a zero-width y domain and ticks with needless decimals.
  const lo = Math.min(...values, spansZero ? 0 : Infinity);
  const hi = Math.max(...values, spansZero ? 0 : -Infinity);
  const pad = Math.max(Math.abs(hi) * 0.1, 1);
  const yDomain = opts.yDomain ?? (values.length && hi - lo < 1e-9 ? [lo - pad, hi + pad] as [number, number] : undefined);
  const plot = Plot.plot({
    width: opts.width,
    height: opts.height ?? (compact ? 150 : 320),
    marginLeft: compact ? 44 : 52,
    marginRight,
    marginTop: compact ? 12 : 24,
    ariaLabel: opts.title,
    x: {label: null, tickFormat: (d: number) => formatYear(d), ticks: yearTicks(years, opts.width - 50 - marginRight), domain: [Math.min(...years) - 0.3, Math.max(...years) + 0.3]},
    y: {label: compact ? null : yLabel(opts.unitLabel), tickFormat: formatTick, grid: true, nice: true, ticks: compact ? 3 : 6, ...(yDomain ? {domain: yDomain} : {})},
    color: {domain, range: PALETTE.slice(0, Math.max(1, domain.length)), legend: false},
    symbol: {domain, range: SYMBOLS.slice(0, Math.max(1, domain.length))},
    style: {fontSize: "12px"},
    marks
  });
  if (!legend) return plot;
  const div = document.createElement("div");
  div.append(SeriesLegend(opts.series), plot);
  return div;
}

/**
 * End-of-line labels moved apart vertically so they do not overlap: positions in data units, at least one text
 * line (14 px of `plotHeight` over the value range) apart, keeping their order.
 */
export function spreadLabels(points: readonly LinePoint[], values: readonly number[], plotHeight: number): (LinePoint & {labelY: number})[] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  // 15 px per line, over a range widened a little as Plot's nice domain does.
  const gap = ((max - min) || 1) * 1.1 * (15 / Math.max(plotHeight, 50));
  const sorted = [...points].sort((a, b) => a.value! - b.value!).map((p) => ({...p, labelY: p.value!}));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.labelY - sorted[i - 1]!.labelY < gap) sorted[i]!.labelY = sorted[i - 1]!.labelY + gap;
  }
  return sorted;
}

/** A legend for LineChart's series as HTML (swatch with dash and symbol + label), shared by small multiples. */
export function SeriesLegend(series: readonly string[]): HTMLElement {
  const div = document.createElement("div");
  div.className = "series-legend";
  series.forEach((s, i) => {
    const item = document.createElement("span");
    item.className = "series-legend-item";
    const colour = PALETTE[i % PALETTE.length]!;
    const dash = DASHES[i % DASHES.length]!;
    item.innerHTML = `<svg width="28" height="12" aria-hidden="true"><line x1="1" x2="27" y1="6" y2="6" stroke="${colour}" stroke-width="2.5"${dash === "none" ? "" : ` stroke-dasharray="${dash}"`}/></svg>`;
    item.append(` ${s}`);
    div.append(item);
  });
  return div;
}

/**
 * Row labels of horizontal bar charts: on the left when they fit, else (narrow screens, long names) above each bar,
 * so the bars keep the width.
 */
export function rowLabels(labels: readonly string[], width: number, rowHeight: number) {
  const longest = Math.max(...labels.map((l) => l.length), 4);
  const above = width < 600 && longest * 7 > width * 0.3;
  const step = above ? rowHeight + 14 : rowHeight;
  return {
    above, step,
    marginLeft: above ? 4 : Math.min(240, 12 + longest * 7),
    axis: above ? null : ("left" as const),
    barInset: above ? {insetTop: 15} : {},
    /** The label mark when above (else none). */
    marks: (y: (d: never) => string, data: readonly unknown[]): Plot.Markish[] =>
      above ? [Plot.text(data, {y: y as never, text: y as never, frameAnchor: "left", dy: -step / 2 + 7, textAnchor: "start", fontSize: 11, fill: "#222"})] : []
  };
}

/**
 * A bar chart's width: at least its margins plus a minimal frame. A container measured while the page re-flows
 * (a phone rotated, a window narrowed) can be narrower than the margins, and Plot then draws negative bar widths.
 */
export function fitWidth(width: number, marginLeft: number, marginRight: number, minFrame = 100): number {
  return Math.max(width, Math.ceil(marginLeft + marginRight + minFrame));
}

/** Anchor of a label at x = value so that it stays inside a frame `frameWidth` px wide: start, middle or end. */
export function refAnchor(value: number, values: readonly number[], frameWidth: number, labelWidth: number): "start" | "middle" | "end" {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = hi > lo ? ((value - lo) / (hi - lo)) * frameWidth : frameWidth / 2;
  if (x - labelWidth / 2 < 0) return "start";
  if (x + labelWidth / 2 > frameWidth) return "end";
  return "middle";
}

export interface RankItem {
  label: string;
  value: number | null;
  highlight: boolean;
}

/** Horizontal bars, best first (per direction); the chosen area highlighted by colour, weight and a marker. */
export function RankChart(items: readonly RankItem[], opts: {
  unit: string; width: number; title: string; refs?: readonly {label: string; value: number | null}[]; order?: "desc" | "asc"; rowHeight?: number;
  /** Value labels and tooltips (default formatValue with the unit). */
  format?: (v: number | null) => string;
}): SVGSVGElement | HTMLElement {
  const fmt = opts.format ?? ((x: number | null) => formatValue(x, opts.unit));
  const shown = items.filter((d) => d.value !== null);
  const sorted = [...shown].sort((a, b) => (opts.order === "asc" ? a.value! - b.value! : b.value! - a.value!));
  const labels = sorted.map((d) => (d.highlight ? `▶ ${d.label}` : d.label));
  const refs = (opts.refs ?? []).filter((r) => r.value !== null);
  const values = [...sorted.map((d) => d.value!), ...refs.map((r) => r.value!), 0];
  const longestValue = Math.max(...sorted.map((d) => fmt(d.value).length), 4);
  const rows = rowLabels(labels, opts.width, opts.rowHeight ?? 22);
  const yOf = (d: RankItem) => (d.highlight ? `▶ ${d.label}` : d.label);
  // With labels above the bars the first x tick sits at the left edge: room for half of "−20".
  const marginLeft = rows.above ? Math.max(rows.marginLeft, Math.min(...values) < 0 ? 24 : 10) : rows.marginLeft;
  const marginRight = Math.min(160, 10 + longestValue * 6.5);
  return Plot.plot({
    width: fitWidth(opts.width, marginLeft, marginRight),
    height: 26 + sorted.length * rows.step + (refs.length ? 26 : 0),
    marginLeft,
    marginRight,
    marginTop: refs.length ? 30 : 6,
    ariaLabel: opts.title,
    x: {label: null, tickFormat: formatTick, grid: true, domain: [Math.min(...values), Math.max(...values)], nice: true, ticks: Math.max(2, Math.floor(opts.width / 120))},
    y: {label: null, domain: labels, tickSize: 0, axis: rows.axis},
    style: {fontSize: "12px"},
    marks: [
      ...rows.marks(yOf as (d: never) => string, sorted),
      Plot.barX(sorted, {
        ...rows.barInset,
        y: yOf, x: "value",
        fill: (d: RankItem) => (d.highlight ? HIGHLIGHT : MUTED), stroke: (d: RankItem) => (d.highlight ? HIGHLIGHT : MUTED_STROKE), strokeWidth: 1,
        title: (d: RankItem) => `${d.label}: ${fmt(d.value)}`, tip: true
      }),
      // Text options are constants in Plot, so one mark per (highlighted, negative) combination.
      ...[true, false].flatMap((hl) => [false, true].map((neg) => Plot.text(sorted.filter((d) => d.highlight === hl && d.value! < 0 === neg), {
        // A negative value's label sits right of zero (the bar runs left): never over the row names or off the frame.
        y: yOf, x: neg ? () => 0 : "value", dy: rows.above ? 7 : 0,
        text: (d: RankItem) => fmt(d.value), dx: 4, textAnchor: "start",
        fontWeight: hl ? 700 : 400, fontSize: 11
      }))),
      Plot.ruleX([0], {stroke: "#777"}),
      ...refs.flatMap((r, i) => [
        Plot.ruleX([r.value!], {stroke: PALETTE[(i + 1) % PALETTE.length], strokeWidth: 2, strokeDasharray: DASHES[(i + 1) % DASHES.length]}),
        Plot.text([r], {x: r.value!, frameAnchor: "top", dy: -26 + i * 13, text: () => `${r.label}: ${formatValue(r.value, opts.unit)}`, fill: "#222", fontSize: 11, textAnchor: refAnchor(r.value!, values, opts.width - rows.marginLeft, `${r.label}: ${formatValue(r.value, opts.unit)}`.length * 6.2)})
      ])
    ]
  });
}

export interface ComparePoint {
  /** The row (an area). */
  category: string;
  /** "Området" for the bar, or the comparator's name ("Kommunen", "Länet", "Samma områdestyp"). */
  series: string;
  value: number | null;
}

/**
 * One bar per category (its own value) with the comparators as symbols on the same row: shape, colour and the
 * legend's words tell them apart.
 */
export function CompareChart(points: readonly ComparePoint[], opts: {
  unit: string; width: number; title: string; barSeries: string; comparators: readonly string[];
}): SVGSVGElement | HTMLElement {
  const categories = [...new Set(points.map((p) => p.category))];
  const bars = points.filter((p) => p.series === opts.barSeries && p.value !== null);
  const dots = points.filter((p) => p.series !== opts.barSeries && p.value !== null);
  const values = [...points.filter((p) => p.value !== null).map((p) => p.value!), 0];
  const domain = [...opts.comparators];
  const rows = rowLabels(categories, opts.width, 30);
  const marginRight = 20 + Math.max(...bars.map((p) => formatValue(p.value, opts.unit).length), 4) * 7;
  return Plot.plot({
    width: fitWidth(opts.width, rows.marginLeft, marginRight),
    height: 40 + categories.length * rows.step,
    marginLeft: rows.marginLeft,
    marginRight,
    ariaLabel: opts.title,
    x: {label: null, tickFormat: formatTick, grid: true, domain: [Math.min(...values), Math.max(...values)], nice: true, ticks: Math.max(2, Math.floor(opts.width / 120))},
    y: {label: null, domain: categories, tickSize: 0, padding: rows.above ? 0.15 : 0.35, axis: rows.axis},
    color: {domain, range: PALETTE.slice(1, 1 + domain.length)},
    symbol: {domain, range: SYMBOLS.slice(1, 1 + domain.length), legend: true},
    style: {fontSize: "12px"},
    marks: [
      ...rows.marks(((p: ComparePoint) => p.category) as (d: never) => string, categories.map((category) => ({category}))),
      Plot.barX(bars, {...rows.barInset, y: "category", x: "value", fill: MUTED, stroke: MUTED_STROKE, strokeWidth: 1,
        title: (p: ComparePoint) => `${p.category}: ${formatValue(p.value, opts.unit)}`, tip: true}),
      // The area's value in the right margin, clear of the comparison symbols.
      Plot.text(bars, {y: "category", frameAnchor: "right", text: (p: ComparePoint) => formatValue(p.value, opts.unit), dx: 8, dy: rows.above ? 7 : 0, textAnchor: "start", fontSize: 11, fontWeight: 600}),
      Plot.ruleX([0], {stroke: "#777"}),
      Plot.dot(dots, {y: "category", x: "value", dy: rows.above ? 7 : 0, symbol: "series", stroke: "series", fill: "series", r: 5, strokeWidth: 1.5,
        title: (p: ComparePoint) => `${p.category} – ${p.series}: ${formatValue(p.value, opts.unit)}`, tip: true})
    ]
  });
}

/** Colours per trend status (a third cue: every segment is also labelled with icon and count). */
export const STATUS_COLOUR: Record<string, string> = {
  improving: "#0072B2", no_clear_change: "#BBBBBB", worsening: "#D55E00", insufficient_data: "#E8E8E8", not_applicable: "#F4F4F4", by_municipalities: "#9ECAE1", no_value: "#F4F4F4"
};

export interface StatusCount {
  goal: string;
  status: string;
  label: string;
  icon: string;
  count: number;
}

/** Stacked bars: goal indicators per goal area by trend status, each segment labelled "▲ 3". */
export function StatusChart(rows: readonly StatusCount[], opts: {width: number; title: string; goals: readonly string[]; statuses: readonly {status: string; label: string}[]}): SVGSVGElement | HTMLElement {
  const shown = rows.filter((r) => r.count > 0);
  const max = Math.max(1, ...opts.goals.map((g) => shown.filter((r) => r.goal === g).reduce((s, r) => s + r.count, 0)));
  const lay = rowLabels(opts.goals, opts.width, 30);
  return Plot.plot({
    width: fitWidth(opts.width, lay.marginLeft, 20),
    height: 40 + opts.goals.length * lay.step,
    marginLeft: lay.marginLeft,
    marginRight: 20,
    ariaLabel: opts.title,
    x: {label: "antal indikatorer", tickFormat: formatTick, ticks: Math.min(max, 8), domain: [0, max]},
    y: {label: null, domain: [...opts.goals], tickSize: 0, padding: lay.above ? 0.15 : 0.25, axis: lay.axis},
    color: {domain: opts.statuses.map((s) => s.status), range: opts.statuses.map((s) => STATUS_COLOUR[s.status] ?? "#ccc")},
    style: {fontSize: "12px"},
    marks: [
      ...lay.marks(((r: {goal: string}) => r.goal) as (d: never) => string, opts.goals.map((goal) => ({goal}))),
      Plot.barX(shown, Plot.stackX({...lay.barInset, y: "goal", x: "count", fill: "status", stroke: "#666", strokeWidth: 0.5, order: opts.statuses.map((s) => s.status),
        title: (r: StatusCount) => `${r.goal}: ${r.count} ${r.label.toLowerCase()}`, tip: true})),
      Plot.text(shown, Plot.stackX({y: "goal", x: "count", dy: lay.above ? 7 : 0, order: opts.statuses.map((s) => s.status), text: (r: StatusCount) => `${r.icon} ${r.count}`,
        fill: (r: StatusCount) => (r.status === "improving" ? "white" : "black"), fontWeight: 700, fontSize: 11}))
    ]
  });
}
