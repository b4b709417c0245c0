/** The charts of the neighbourhood page (src/omraden.md): chosen areas compared, their development, all RegSO ranked. */
import {ChartCard} from "./chartCard.js";
import {CompareChart, LineChart, RankChart, type ComparePoint} from "./charts.js";
import {COMPARISON_COLUMNS, type ComparisonRow} from "./csv.js";
import {areaTypeLabel, type AreaCatalogue, type AreaIndicator} from "./areaData.js";
import {pubPath} from "./data.js";
import {formatChange, formatNumber, formatValue, formatYear} from "./format.js";

export interface AreaView {
  acat: AreaCatalogue;
  ind: AreaIndicator;
  rows: readonly ComparisonRow[];
  selected: readonly string[];
  year: number;
  width: number;
  root: string;
}

/** "Råslätt (Jönköping)": the short name and the municipality part of SCB's name "Jönköping (Råslätt)". */
const label = (r: ComparisonRow) => `${r.short_name} (${r.area_name.replace(/\s*\(.*$/, "")})`;

function files(v: AreaView) {
  return [
    {label: `${v.ind.title_sv}, alla RegSO (CSV)`, href: `${v.root}data/pub/${pubPath(v.ind.files.csv)}`},
    {label: "Jämförelsefil för alla områden (CSV)", href: `${v.root}data/pub/areas/comparisons.csv`},
    {label: "Områdesgruppernas fem områden (CSV för Excel)", href: `${v.root}data/pub/areas/omradesgrupper.csv`}
  ];
}

function suppressedNotes(rows: readonly ComparisonRow[]): string[] {
  return rows.filter((r) => r.suppressed).map((r) => `${r.short_name} ${r.year}: värdet visas inte – ${r.reason || "för litet underlag"}`);
}

function valueCell(v: AreaView, key: keyof ComparisonRow, change = false) {
  return (r: ComparisonRow) => {
    const x = r[key] as number | null;
    if (key === "value" && r.suppressed) return "Undertryckt";
    return change ? formatChange(x, v.ind.unit) : formatValue(x, v.ind.unit);
  };
}

/** The chosen areas in one year: bar = the area, symbols = its municipality, the county, areas of the same type. */
export function CompareCard(v: AreaView): HTMLElement {
  const order = new Map(v.selected.map((c, i) => [c, i]));
  const rows = v.rows.filter((r) => r.year === v.year && order.has(r.area_code)).sort((a, b) => order.get(a.area_code)! - order.get(b.area_code)!);
  const comparators = v.ind.compare_with_municipality ? ["Kommunen", "Länet", "Samma områdestyp"] : [];
  const points: ComparePoint[] = rows.flatMap((r) => [
    {category: label(r), series: "Området", value: r.suppressed ? null : r.value},
    ...(v.ind.compare_with_municipality ? [
      {category: label(r), series: "Kommunen", value: r.municipality_value},
      {category: label(r), series: "Länet", value: r.county_value},
      {category: label(r), series: "Samma områdestyp", value: r.same_type_value}
    ] : [])
  ]);
  const notes = suppressedNotes(rows);
  if (!v.ind.compare_with_municipality) notes.push("Måttet jämförs bara mellan områden: källtabellerna saknar underlag för ett värde för kommunen eller länet.");
  return ChartCard({
    id: "valda-omraden",
    title: `${v.ind.title_sv} ${formatYear(v.year)} – valda områden`,
    subtitle: v.ind.compare_with_municipality
      ? `Stapeln är området. Symbolerna visar kommunen, länet och det sammanvägda värdet för länets områden av samma typ. Enhet: ${v.ind.unit_label_sv}.`
      : `Stapeln är området. Enhet: ${v.ind.unit_label_sv}.`,
    chart: CompareChart(points, {unit: v.ind.unit, width: Math.min(v.width, 860), title: v.ind.title_sv, barSeries: "Området", comparators}),
    rows,
    table: [
      {key: "short_name", label: "Område", format: label},
      {key: "area_type", label: "Områdestyp", format: (r) => `${r.area_type ?? "–"}: ${areaTypeLabel(v.acat, r.area_type)}`},
      {key: "value", label: "Värde", numeric: true, format: valueCell(v, "value")},
      {key: "municipality_value", label: "Kommunen", numeric: true, format: valueCell(v, "municipality_value")},
      {key: "county_value", label: "Länet", numeric: true, format: valueCell(v, "county_value")},
      {key: "same_type_value", label: "Samma områdestyp", numeric: true, format: valueCell(v, "same_type_value")},
      {key: "change_2020_2023", label: "Förändring 2020–2023", numeric: true, format: valueCell(v, "change_2020_2023", true)},
      {key: "rank", label: "Plats i länet", numeric: true, format: (r) => (r.rank === null ? "–" : `${r.rank} av ${r.rank_of}`)},
      {key: "base", label: "Underlag", numeric: true, format: (r) => formatNumber(r.base, 0)}
    ],
    csv: {columns: COMPARISON_COLUMNS, filename: `${v.ind.id}-valda-omraden-${v.year}`},
    sources: v.ind.sources,
    files: files(v),
    notes
  });
}

/** The chosen areas over the years. */
export function TrendCard(v: AreaView): HTMLElement {
  const order = new Map(v.selected.map((c, i) => [c, i]));
  const rows = v.rows.filter((r) => order.has(r.area_code)).sort((a, b) => order.get(a.area_code)! - order.get(b.area_code)! || a.year - b.year);
  const series = [...new Set(rows.map(label))];
  const years = [...new Set(rows.map((r) => r.year))].sort();
  return ChartCard({
    id: "utveckling",
    title: `${v.ind.title_sv} ${years[0]}–${years.at(-1)} – valda områden`,
    subtitle: `Enhet: ${v.ind.unit_label_sv}. Förändringen 2020–2023 står i tabellen.`,
    chart: LineChart(rows.map((r) => ({series: label(r), year: r.year, value: r.suppressed ? null : r.value})), {series, unit: v.ind.unit, unitLabel: v.ind.unit_label_sv, width: v.width, title: v.ind.title_sv}),
    rows,
    table: [
      {key: "short_name", label: "Område", format: label},
      {key: "year", label: "År", format: (r) => formatYear(r.year)},
      {key: "value", label: "Värde", numeric: true, format: valueCell(v, "value")},
      {key: "change_2020_2023", label: "Förändring 2020–2023", numeric: true, format: valueCell(v, "change_2020_2023", true)}
    ],
    csv: {columns: COMPARISON_COLUMNS, filename: `${v.ind.id}-valda-omraden-utveckling`},
    sources: v.ind.sources,
    files: files(v),
    notes: suppressedNotes(rows)
  });
}

/** Every RegSO in the county for the year, ranked (best first where the measure has a desired direction). */
export function AllAreasCard(v: AreaView): HTMLElement {
  const selected = new Set(v.selected);
  const order = v.ind.direction === "lower_is_better" ? "asc" : "desc";
  const rows = v.rows.filter((r) => r.year === v.year).sort((a, b) =>
    a.value === null || a.suppressed ? 1 : b.value === null || b.suppressed ? -1 : order === "asc" ? a.value - b.value : b.value - a.value);
  return ChartCard({
    id: "alla-omraden",
    title: `Alla RegSO-områden i länet ${formatYear(v.year)}`,
    subtitle: `${rows.length} områden, ${v.ind.direction === "none" ? "sorterade efter värde" : "bäst först"}; de valda är markerade med ▶. Enhet: ${v.ind.unit_label_sv}.`,
    chart: RankChart(rows.filter((r) => !r.suppressed).map((r) => ({label: label(r), value: r.value, highlight: selected.has(r.area_code)})), {unit: v.ind.unit, width: Math.min(v.width, 760), title: "Alla RegSO-områden", order, rowHeight: 16}),
    rows,
    table: [
      {key: "rank", label: "Plats", numeric: true, format: (r) => (r.rank === null ? "–" : String(r.rank))},
      {key: "short_name", label: "Område", format: label},
      {key: "area_type", label: "Områdestyp", numeric: true, format: (r) => String(r.area_type ?? "–")},
      {key: "value", label: "Värde", numeric: true, format: valueCell(v, "value")}
    ],
    csv: {columns: COMPARISON_COLUMNS, filename: `${v.ind.id}-alla-omraden-${v.year}`},
    sources: v.ind.sources,
    files: files(v),
    notes: suppressedNotes(rows)
  });
}

