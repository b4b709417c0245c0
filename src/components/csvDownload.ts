/** Downloads: exactly the rows a chart shows as CSV (Blob), and links to the full published files. */
import {toCsv} from "./csv.js";
import {afterPaint} from "./dom.js";

/** A link that downloads `rows` (the current filters) as CSV with the given columns. */
export function CsvDownload(rows: readonly object[], opts: {columns: readonly string[]; filename: string; label?: string}): HTMLAnchorElement {
  const a = document.createElement("a");
  a.className = "download download-csv";
  a.download = opts.filename.endsWith(".csv") ? opts.filename : `${opts.filename}.csv`;
  a.textContent = opts.label ?? "Ladda ner visade data (CSV)";
  a.dataset.rows = String(rows.length);
  // The file is built once the page is painted and idle (a municipality page has 56 of these: work that need not
  // come before its first chart), or at once if the link is used earlier. A click handler runs before the link's
  // default action, so the download always gets the href.
  const build = () => {
    if (!a.getAttribute("href")) a.href = URL.createObjectURL(new Blob([toCsv(rows, opts.columns)], {type: "text/csv;charset=utf-8"}));
  };
  for (const type of ["click", "focus", "pointerenter", "contextmenu"]) a.addEventListener(type, build);
  void afterPaint().then(() => ("requestIdleCallback" in window ? requestIdleCallback(build, {timeout: 1000}) : build()));
  return a;
}

export interface FileLink {
  label: string;
  href: string;
}

/** Links to the full published files of an indicator (CSV, CSV för Excel, Parquet), each a download. */
export function FileLinks(files: readonly FileLink[], lead = "Hela indikatorn:"): HTMLElement {
  const p = document.createElement("p");
  p.className = "file-links";
  p.append(`${lead} `);
  files.forEach((f, i) => {
    if (i > 0) p.append(" · ");
    const a = document.createElement("a");
    a.href = f.href;
    a.setAttribute("download", "");
    a.textContent = f.label;
    p.append(a);
  });
  return p;
}

/** The three files of an indicator under the site root (stable, unhashed URLs copied by the build). */
export function indicatorFileLinks(root: string, files: {csv: string; excel_csv: string; parquet: string}, pubPath: (p: string) => string): FileLink[] {
  return [
    {label: "CSV", href: `${root}data/pub/${pubPath(files.csv)}`},
    {label: "CSV för Excel", href: `${root}data/pub/${pubPath(files.excel_csv)}`},
    {label: "Parquet", href: `${root}data/pub/${pubPath(files.parquet)}`}
  ];
}
