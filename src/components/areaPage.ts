/** The charts of the neighbourhood page (src/omraden.md): chosen areas compared, their development, all RegSO ranked. */
import {ChartCard} from "./chartCard.js";
import {CompareChart, LineChart, RankChart, type ComparePoint} from "./charts.js";
import {COMPARISON_COLUMNS, type ComparisonRow} from "./csv.js";
import {areaTypeLabel, BASE_UNIT_SV, reasonSv, sameTypeAreas, type AreaCatalogue, type AreaIndicator, type Comparator} from "./areaData.js";
import {pubPath} from "./data.js";
import {BASE_UNIT_LABEL} from "./labels.js";
import {formatChange, formatNumber, formatValue, formatYear} from "./format.js";

/** A share or ratio of counts is our calculation from SCB's counts (summed from DeSO where it is): say so. */
function derivedNote(v: {ind: {kind: string; summed_from_deso?: boolean}}): string | undefined {
  if (v.ind.kind !== "ratio") return undefined;
  return `Beräknat av oss från SCB:s antal${v.ind.summed_from_deso ? ", summerade från DeSO till RegSO" : ""}; jämförelsevärdena är samma kvot av summerade antal.`;
}

export interface AreaView {
  acat: AreaCatalogue;
  ind: AreaIndicator;
  /** comparisons.csv rows of this indicator (RegSO only). */
  rows: readonly ComparisonRow[];
  selected: readonly string[];
  year: number;
  width: number;
  root: string;
  /** "Råslätt (Jönköping)" for an area code. */
  label: (code: string) => string;
}

const has = (v: AreaView, c: Comparator) => v.ind.comparators.includes(c);

function files(v: AreaView) {
  return [
    {label: `${v.ind.title_sv}, alla ${v.ind.level === "deso" ? "DeSO" : "RegSO"} (CSV)`, href: `${v.root}data/pub/${pubPath(v.ind.files.csv)}`},
    {label: "Parquet", href: `${v.root}data/pub/${pubPath(v.ind.files.parquet)}`},
    {label: "jämförelsefilen för alla områden (CSV)", href: `${v.root}data/pub/${pubPath(v.acat.files.comparisons)}`},
    {label: "Områdesgruppernas fil (CSV för Excel)", href: `${v.root}data/pub/${pubPath(v.acat.files.omradesgrupper_excel)}`}
  ];
}

function notes(v: AreaView, rows: readonly ComparisonRow[]): string[] {
  const out = rows.filter((r) => r.suppressed).map((r) => `${v.label(r.area_code)} ${r.year}: värdet visas inte – ${reasonSv(r.reason) || "för litet underlag"}`);
  if (v.ind.kind === "level") out.push(v.ind.no_base_reason?.sv ?? v.acat.comparisons.means_and_medians.sv);
  return out;
}

function valueCell(v: AreaView, key: keyof ComparisonRow, diff = false) {
  return (r: ComparisonRow) => {
    if (key === "value" && r.suppressed) return "Undertryckt";
    const x = r[key] as number | null;
    return diff ? formatChange(x, v.ind.unit) : formatValue(x, v.ind.unit);
  };
}

const changeHeader = (rows: readonly ComparisonRow[]) => {
  const from = rows.find((r) => r.change_from_year !== null);
  const to = rows.filter((r) => r.change_from_year !== null).map((r) => r.year);
  return from ? `Förändring ${from.change_from_year}–${Math.max(...to)}` : "Förändring";
};

/** The chosen areas in one year: bar = the area, symbols = its municipality, the county, areas of the same type. */
export function CompareCard(v: AreaView): HTMLElement {
  const order = new Map(v.selected.map((c, i) => [c, i]));
  const rows = v.rows.filter((r) => r.year === v.year && order.has(r.area_code)).sort((a, b) => order.get(a.area_code)! - order.get(b.area_code)!);
  const comparators = [
    ...(has(v, "municipality") ? [["Kommunen", "municipality_value"] as const] : []),
    ...(has(v, "county") ? [["Länet", "county_value"] as const] : []),
    ...(has(v, "area_type") ? [["Samma områdestyp", "same_type_value"] as const] : [])
  ];
  const points: ComparePoint[] = rows.flatMap((r) => [
    {category: v.label(r.area_code), series: "Området", value: r.suppressed ? null : r.value},
    ...comparators.map(([series, key]) => ({category: v.label(r.area_code), series, value: r[key]}))
  ]);
  const all = v.rows.filter((r) => order.has(r.area_code));
  const card = ChartCard({
    id: "valda-omraden",
    title: `${v.ind.title_sv} ${formatYear(v.year)} – valda områden`,
    subtitle: comparators.length
      ? `Stapeln är området. Symbolerna visar ${comparators.map(([s]) => s.toLowerCase()).join(", ")} (sammanvägda andelar). Enhet: ${v.ind.unit_label_sv}.`
      : `Stapeln är området. Enhet: ${v.ind.unit_label_sv}.`,
    chart: CompareChart(points, {unit: v.ind.unit, width: Math.min(v.width, 860), title: v.ind.title_sv, barSeries: "Området", comparators: comparators.map(([s]) => s)}),
    rows,
    table: [
      {key: "area_label", label: "Område", format: (r) => v.label(r.area_code)},
      {key: "area_type", label: "Områdestyp", format: (r) => `${r.area_type ?? "–"}: ${areaTypeLabel(v.acat, r.area_type)}`},
      {key: "value", label: "Värde", numeric: true, format: valueCell(v, "value")},
      ...comparators.map(([label, key]) => ({key, label, numeric: true, format: valueCell(v, key)})),
      ...(has(v, "change") ? [{key: "change", label: changeHeader(all), numeric: true, format: valueCell(v, "change", true)}] : []),
      {key: "rank", label: "Rang i länet (1 = högst)", numeric: true, format: (r: ComparisonRow) => (r.rank === null ? "–" : `${r.rank} av ${r.rank_of}`)},
      {key: "base", label: "Underlag", numeric: true, format: (r: ComparisonRow) => (r.base === null ? "–" : `${formatNumber(r.base, 0)} ${BASE_UNIT_SV[r.base_unit] ?? r.base_unit}`.trim())}
    ],
    csv: {columns: COMPARISON_COLUMNS, filename: `${v.ind.id}-valda-omraden-${v.year}`},
    sources: v.ind.sources,
    sourceExtra: derivedNote(v),
    files: files(v),
    notes: notes(v, rows)
  });
  if (has(v, "area_type") && rows.length) card.append(pooledList(v, rows.map((r) => r.area_code)));
  return card;
}

/** A collapsed list of the areas "Samma områdestyp" pools for each chosen area. */
function pooledList(v: AreaView, codes: readonly string[]): HTMLElement {
  const d = document.createElement("details");
  d.className = "pooled-areas";
  const summary = document.createElement("summary");
  summary.textContent = "Vilka områden väger ”Samma områdestyp” samman? (området självt räknas inte)";
  const ul = document.createElement("ul");
  for (const c of codes) {
    const li = document.createElement("li");
    li.textContent = pooledNote(v, c);
    ul.append(li);
  }
  d.append(summary, ul);
  return d;
}

/** Which areas "Samma områdestyp" pools for one area (the area itself is not among them). */
function pooledNote(v: AreaView, code: string): string {
  const others = sameTypeAreas(v.acat, code);
  const type = v.acat.areas.find((a) => a.code === code)?.area_type ?? null;
  if (others.length === 0) return `${v.label(code)}: inga andra områden av samma typ i länet.`;
  return `Samma områdestyp för ${v.label(code)} (typ ${type ?? "–"}) väger samman ${others.length} andra RegSO i länet: ${others.map((a) => v.label(a.code)).join(", ")}.`;
}

/** The chosen areas over the years. */
export function TrendCard(v: AreaView): HTMLElement {
  const order = new Map(v.selected.map((c, i) => [c, i]));
  const rows = v.rows.filter((r) => order.has(r.area_code)).sort((a, b) => order.get(a.area_code)! - order.get(b.area_code)! || a.year - b.year);
  const series = [...new Set(rows.map((r) => v.label(r.area_code)))];
  const years = [...new Set(rows.map((r) => r.year))].sort();
  if (years.length < 2) {
    const p = document.createElement("p");
    p.className = "muted single-year";
    p.dataset.chart = "utveckling";
    p.textContent = `${v.ind.title_sv} finns bara för ${years[0] ?? v.year}: det finns ingen utveckling över tid att visa.`;
    return p;
  }
  return ChartCard({
    id: "utveckling",
    title: `${v.ind.title_sv} ${years[0]}–${years.at(-1)} – valda områden`,
    subtitle: `Enhet: ${v.ind.unit_label_sv}. Förändringen står i tabellen.`,
    chart: LineChart(rows.map((r) => ({series: v.label(r.area_code), year: r.year, value: r.suppressed ? null : r.value})), {series, unit: v.ind.unit, unitLabel: v.ind.unit_label_sv, width: v.width, title: v.ind.title_sv}),
    rows,
    table: [
      {key: "area_label", label: "Område", format: (r) => v.label(r.area_code)},
      {key: "year", label: "År", format: (r) => formatYear(r.year)},
      {key: "value", label: "Värde", numeric: true, format: valueCell(v, "value")},
      {key: "change", label: changeHeader(rows), numeric: true, format: valueCell(v, "change", true)}
    ],
    csv: {columns: COMPARISON_COLUMNS, filename: `${v.ind.id}-valda-omraden-utveckling`},
    sources: v.ind.sources,
    sourceExtra: derivedNote(v),
    files: files(v),
    notes: notes(v, rows)
  });
}

/** Every RegSO in the county for the year, highest value first (the published rank). */
export function AllAreasCard(v: AreaView): HTMLElement {
  const selected = new Set(v.selected);
  const rows = v.rows.filter((r) => r.year === v.year).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.area_name.localeCompare(b.area_name, "sv"));
  return ChartCard({
    id: "alla-omraden",
    title: `Alla ${v.ind.level === "deso" ? "DeSO" : "RegSO"}-områden i länet ${formatYear(v.year)}`,
    subtitle: `${rows.length} områden, högst värde först; de valda är markerade med ▶. ${v.ind.direction === "none" ? "Måttet har ingen önskad riktning." : v.ind.direction === "higher_is_better" ? "Högre värde är bättre." : "Lägre värde är bättre."} Enhet: ${v.ind.unit_label_sv}.`,
    chart: RankChart(rows.filter((r) => !r.suppressed).map((r) => ({label: v.label(r.area_code), value: r.value, highlight: selected.has(r.area_code)})), {unit: v.ind.unit, width: Math.min(v.width, 760), title: `Alla ${v.ind.level === "deso" ? "DeSO" : "RegSO"}-områden`, order: "desc", rowHeight: 16}),
    rows,
    table: [
      {key: "rank", label: "Rang", numeric: true, format: (r) => (r.rank === null ? "–" : String(r.rank))},
      {key: "area_label", label: "Område", format: (r) => v.label(r.area_code)},
      {key: "area_type", label: "Områdestyp", numeric: true, format: (r) => String(r.area_type ?? "–")},
      {key: "value", label: "Värde", numeric: true, format: valueCell(v, "value")}
    ],
    csv: {columns: COMPARISON_COLUMNS, filename: `${v.ind.id}-alla-omraden-${v.year}`},
    sources: v.ind.sources,
    sourceExtra: derivedNote(v),
    files: files(v),
    notes: notes(v, rows)
  });
}
