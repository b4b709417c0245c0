/**
 * Every chart comes in a ChartCard: title, the chart, a "Visa som tabell" table with exactly the rows of the
 * chart, the source line, a CSV download of those same rows and links to the full files. The table and the CSV
 * are built from one `rows` array, so they cannot disagree.
 */
import type {SourceRef} from "../../indicators/published.js";
import {CsvDownload, FileLinks, type FileLink} from "./csvDownload.js";
import {ShareControls, describeChart} from "./share.js";
import {derivedOf, SourceNote} from "./sourceNote.js";

export interface TableColumn<R> {
  /** The CSV column this table column shows (data-col on the cells), or a label-only key. */
  key: string;
  label: string;
  /** Cell text; defaults to String(row[key]). */
  format?: (row: R) => string;
  numeric?: boolean;
}

export interface ChartCardSpec<R extends object> {
  /** Stable id (data-chart attribute; also the CSV file name stem). */
  id: string;
  title: string;
  /** Makes the title a link (e.g. to the indicator's page). */
  titleHref?: string;
  subtitle?: string | Node;
  /** Shown right under the title (e.g. a status badge and the latest value). */
  badge?: Node;
  chart: Element;
  rows: readonly R[];
  table: readonly TableColumn<R>[];
  csv: {columns: readonly string[]; filename?: string};
  sources: readonly SourceRef[];
  retrieved?: readonly string[];
  sourceExtra?: string;
  files?: readonly FileLink[];
  /** Words before the file links (default "Hela indikatorn:"). */
  filesLead?: string;
  notes?: readonly (string | Node)[];
  compact?: boolean;
  /** Heading level of the title (3 by default). */
  level?: 2 | 3 | 4;
}

/** A table with one row per data row; numeric cells right-aligned. */
export function DataTable<R extends object>(rows: readonly R[], columns: readonly TableColumn<R>[], caption: string): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "data-table";
  const cap = document.createElement("caption");
  cap.textContent = caption;
  table.append(cap);
  const thead = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c.label;
    if (c.numeric) th.className = "num";
    thead.append(th);
  }
  const tbody = table.createTBody();
  for (const r of rows) {
    const tr = tbody.insertRow();
    for (const c of columns) {
      const td = tr.insertCell();
      td.dataset.col = c.key;
      if (c.numeric) td.className = "num";
      td.textContent = c.format ? c.format(r) : String((r as Record<string, unknown>)[c.key] ?? "");
    }
  }
  return table;
}

/** A scroll box for a wide or long table that a keyboard can reach and scroll (focusable, named region). */
export function ScrollRegion(label: string, content: Node, extraClass = ""): HTMLElement {
  const scroll = document.createElement("div");
  scroll.className = `table-scroll${extraClass ? ` ${extraClass}` : ""}`;
  scroll.tabIndex = 0;
  scroll.setAttribute("role", "region");
  scroll.setAttribute("aria-label", label);
  scroll.append(content);
  return scroll;
}

/** The card around a chart (see module comment). */
export function ChartCard<R extends object>(spec: ChartCardSpec<R>): HTMLElement {
  const fig = document.createElement("figure");
  fig.className = `chart-card${spec.compact ? " compact" : ""}`;
  fig.dataset.chart = spec.id;
  const cap = document.createElement("figcaption");
  const h = document.createElement(`h${spec.level ?? 3}`);
  if (spec.titleHref) {
    const a = document.createElement("a");
    a.href = spec.titleHref;
    a.textContent = spec.title;
    h.append(a);
  } else h.textContent = spec.title;
  cap.append(h);
  for (const [cls, content] of [["badge-line", spec.badge], ["subtitle", spec.subtitle]] as const) {
    if (!content) continue;
    const p = document.createElement("p");
    p.className = cls;
    p.append(content);
    cap.append(p);
  }
  const chart = document.createElement("div");
  chart.className = "chart";
  chart.append(spec.chart);
  fig.append(cap, chart);
  for (const n of spec.notes ?? []) {
    const p = document.createElement("p");
    p.className = "chart-note";
    p.append(n);
    fig.append(p);
  }
  const details = document.createElement("details");
  details.className = "table-alt";
  const summary = document.createElement("summary");
  summary.textContent = "Visa som tabell";
  details.append(summary, ScrollRegion(`Tabell: ${spec.title}`, DataTable(spec.rows, spec.table, spec.title)));
  // Rows we computed (gaps, medians, shares of counts) carry "Beräknat av oss …" as their source: the line says so.
  const rowSources = spec.rows.map((r) => (r as {source?: unknown}).source).filter((x): x is string => typeof x === "string");
  fig.append(details, SourceNote(spec.sources, spec.retrieved ?? [], spec.sourceExtra, derivedOf(rowSources)));
  const downloads = document.createElement("div");
  downloads.className = "downloads";
  downloads.append(CsvDownload(spec.rows, {columns: spec.csv.columns, filename: spec.csv.filename ?? spec.id}));
  if (spec.files?.length) downloads.append(FileLinks(spec.files, spec.filesLead));
  fig.append(downloads);
  fig.id = `diagram-${spec.id}`;
  const share = {
    id: fig.id, title: spec.title, source: fig.querySelector(".source-note")?.textContent ?? "",
    description: `${spec.subtitle ? `${typeof spec.subtitle === "string" ? spec.subtitle : spec.subtitle.textContent ?? ""} ` : ""}Värdena finns i tabellen under diagrammet (Visa som tabell).`
  };
  describeChart(spec.chart, share);
  fig.append(ShareControls(fig, share));
  return fig;
}
