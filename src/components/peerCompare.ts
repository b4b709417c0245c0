/**
 * Several municipalities in one chart, and the similar municipalities ("liknande kommuner", peers.csv) as a comparison
 * group: up to five chosen municipalities (the county's or similar ones) beside the chosen area, the county and Sweden,
 * plus the median of the chosen area's similar municipalities that have values in the published files.
 */
import type {Catalogue, TidyRow} from "../../indicators/published.js";
import {ChartCard} from "./chartCard.js";
import {LineChart} from "./charts.js";
import {Checkboxes, type ValueElement} from "./controls.js";
import {TIDY_COLUMNS} from "./csv.js";
import {indicatorFileLinks} from "./csvDownload.js";
import {COUNTRY_CODE, COUNTY_CODE, areaName, countyMunicipalities, countySeries, median, pubPath} from "./data.js";
import {formatNumber} from "./format.js";
import {tidyTable, toPoints} from "./indicatorCard.js";
import type {IndicatorView} from "./indicatorPage.js";

/** At most this many chosen municipalities in the chart (beside the area, the county and Sweden). */
export const MAX_CHOSEN = 5;
export const PEERS_HEADER = "area_code,area_name,rank,peer_code,peer_name,distance,reference_year";

export interface PeerRow {
  area_code: string;
  area_name: string;
  rank: number;
  peer_code: string;
  peer_name: string;
  distance: number;
  reference_year: number;
}

/** Parse peers.csv (written by data-loaders/publish/peers.ts; names carry no commas or quotes). */
export function parsePeersCsv(text: string): PeerRow[] {
  const [header, ...lines] = text.replace(/^\uFEFF/, "").trimEnd().split(/\r?\n/);
  if (header !== PEERS_HEADER) throw new Error(`peers.csv: header ${JSON.stringify(header)}, expected ${PEERS_HEADER}`);
  return lines.map((l, i) => {
    const c = l.split(",");
    if (c.length !== 7) throw new Error(`peers.csv line ${i + 2}: ${c.length} fields, expected 7`);
    return {area_code: c[0]!, area_name: c[1]!, rank: Number(c[2]), peer_code: c[3]!, peer_name: c[4]!, distance: Number(c[5]), reference_year: Number(c[6])};
  });
}

/** The similar municipalities of one municipality, nearest first. */
export function peersOf(peers: readonly PeerRow[], code: string): PeerRow[] {
  return peers.filter((p) => p.area_code === code).sort((a, b) => a.rank - b.rank);
}

/** Checkboxes for the chosen municipalities: the county's, then the area's similar ones with values; at most five. */
export function ChosenPicker(cat: Catalogue, rows: readonly TidyRow[], peers: readonly PeerRow[], area: string, value: readonly string[]): ValueElement<string[]> {
  const withValues = new Set(rows.filter((r) => r.value !== null).map((r) => r.area_code));
  const county = countyMunicipalities(cat).filter((a) => a.code !== area).map((a) => ({value: a.code, label: a.name, group: "Länets kommuner"}));
  const countyCodes = new Set(county.map((o) => o.value));
  const similar = peersOf(peers, area).filter((p) => withValues.has(p.peer_code) && !countyCodes.has(p.peer_code))
    .map((p) => ({value: p.peer_code, label: p.peer_name, group: `Liknande kommuner till ${areaName(cat, area)} utanför länet`}));
  const options = [...county, ...similar];
  const allowed = new Set(options.map((o) => o.value));
  const control = Checkboxes({legend: `Jämför med upp till ${MAX_CHOSEN} kommuner`, name: "jamfor", options, value: value.filter((c) => allowed.has(c)).slice(0, MAX_CHOSEN)});
  const boxes = [...control.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
  const limit = () => {
    const n = boxes.filter((b) => b.checked).length;
    for (const b of boxes) b.disabled = !b.checked && n >= MAX_CHOSEN;
  };
  control.addEventListener("change", limit);
  limit();
  return control;
}

/** One chart: the area, the chosen municipalities, the median of the area's similar municipalities, the county, Sweden. */
export function MultiAreaCard(v: IndicatorView, chosen: readonly string[], peers: readonly PeerRow[]): HTMLElement {
  const inYears = (r: TidyRow) => r.year >= v.from && r.year <= v.to;
  const pick = (code: string) => v.rows.filter((r) => r.area_code === code && r.sex === v.sex && r.group === v.group && inYears(r));
  const mine = v.area === COUNTY_CODE ? [] : peersOf(peers, v.area);
  const peerRows = mine.map((p) => ({p, rows: pick(p.peer_code)}));
  const present = peerRows.filter((x) => x.rows.some((r) => r.value !== null));
  const absent = peerRows.filter((x) => !x.rows.some((r) => r.value !== null)).map((x) => x.p.peer_name);
  const medianName = `Median av ${present.length} liknande kommuner till ${areaName(v.cat, v.area)}`;
  const years = [...new Set(present.flatMap((x) => x.rows.map((r) => r.year)))].sort((a, b) => a - b);
  const medianRows: TidyRow[] = present.length === 0 ? [] : years.map((year) => {
    const vals = present.map((x) => x.rows.find((r) => r.year === year)?.value).filter((x): x is number => x !== null && x !== undefined);
    const base = present[0]!.rows[0]!;
    return {...base, area_code: `peers-${v.area}`, area_name: medianName, area_level: "municipality", year, value: median(vals), status: vals.length ? "" : "missing", source: "Vår bearbetning (median av liknande kommuner)"} as TidyRow;
  });
  const county = countySeries(v.rows, countyMunicipalities(v.cat).map((a) => a.code), v.sex, v.group).filter(inYears);
  const parts = [
    ...(v.area === COUNTY_CODE ? [] : [pick(v.area)]),
    ...chosen.filter((c) => c !== v.area).slice(0, MAX_CHOSEN).map(pick),
    medianRows, county, pick(COUNTRY_CODE)
  ].filter((p) => p.length > 0);
  const rows = parts.flat();
  const series = parts.map((p) => p[0]!.area_name);
  const unit = rows[0]?.unit ?? v.ind.unit;
  const unitLabel = v.group === "gap" ? "procentenheter" : v.ind.unit_label_sv;
  const notes: string[] = [];
  if (mine.length) {
    notes.push(`Liknande kommuner till ${areaName(v.cat, v.area)} (avstånd i z-värden, ${mine[0]!.reference_year}; metoden står på metodsidan): ` +
      mine.map((p) => `${p.peer_name} ${formatNumber(p.distance, 2)}`).join(", ") + ".");
    if (absent.length) notes.push(`Utan värden i de publicerade filerna (länets urval; hela landet finns i körningen för alla kommuner): ${absent.join(", ")}. Medianen tar bara med kommunerna som har värden.`);
  }
  return ChartCard({
    id: "flera-kommuner",
    title: `Flera kommuner i samma diagram ${v.from}–${v.to}`,
    subtitle: `${series.join(", ")}. Enhet: ${unitLabel}.`,
    chart: LineChart(toPoints(rows), {series, unit, unitLabel, width: v.width, breaks: v.ind.series_breaks.filter((b) => b.year > v.from && b.year <= v.to), title: `${v.ind.title_sv}, flera kommuner`}),
    rows,
    table: tidyTable((r) => r.unit),
    csv: {columns: TIDY_COLUMNS, filename: `${v.ind.id}-flera-kommuner-${v.from}-${v.to}`},
    sources: v.ind.sources,
    files: indicatorFileLinks(v.root, v.ind.files, pubPath),
    notes
  });
}


