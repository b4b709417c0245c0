/**
 * The follow-up report page (/uppfoljning/<kod>): renders reports/<kod>.json as written by the pipeline
 * (data-loaders/publish/report.ts). The page writes no sentence of its own about the numbers: every sentence is the
 * pipeline's. Tables are always expanded (no <details>), every number cell names its CSV column (data-col) so the
 * browser test compares screen and paper with the report's CSV.
 */
import type {ReportFile, ReportGoal, ReportTableRow, NewsItem, ReportListItem} from "../../indicators/report/build.js";
import * as Plot from "@observablehq/plot";
import {h} from "./dom.js";
import {changeUnit, formatChange, formatDate, formatNumber, formatValue, MISSING} from "./format.js";
import {fitWidth, rowLabels} from "./charts.js";

/** Status icon + word (never colour alone). */
export const REPORT_STATUS: Record<string, {icon: string; word: string}> = {
  improving: {icon: "▲", word: "Förbättras"},
  worsening: {icon: "▼", word: "Försämras"},
  no_clear_change: {icon: "■", word: "Ingen säker förändring"},
  insufficient_data: {icon: "…", word: "För få värden"},
  not_applicable: {icon: "○", word: "Ingen bedömning"}
};
const STATUS_FILL: Record<string, string> = {improving: "#0072B2", worsening: "#D55E00", no_clear_change: "#BBBBBB", insufficient_data: "#E8E8E8"};

function status(s: string | number | null, method?: string | number | null): HTMLElement {
  const st = REPORT_STATUS[String(s)] ?? {icon: "", word: String(s)};
  // two_points: fewer than four values (2 or 3), the change is between the first and the last year
  const how = method === "two_points" ? " (förändring mellan två år)" : method === "elections" ? " (två val)" : "";
  return h("span", {class: `status status-${s}`, "data-col-status": "1"}, `${st.icon} ${st.word}${how}`);
}

function num(r: ReportTableRow, col: keyof ReportTableRow, unit: string): HTMLElement {
  const v = r[col] as number | null;
  return h("span", {"data-col": col, "data-unit": unit}, v === null ? MISSING : formatValue(v, unit));
}

function chg(r: ReportTableRow, col: keyof ReportTableRow, unit: string): HTMLElement {
  const v = r[col] as number | null;
  return h("span", {"data-col": col, "data-unit": changeUnit(unit)}, v === null ? MISSING : formatChange(v, unit));
}

function year(r: ReportTableRow, col: keyof ReportTableRow): string {
  return r[col] === null ? "" : ` (${r[col]})`;
}

/** A period cell: "58,0 % (2015) → 62,1 % (2020)", the change and the status. */
function periodCell(r: ReportTableRow, p: "period" | "since"): HTMLElement {
  const u = String(r.unit);
  if (r[`${p}_from_value`] === null && r[`${p}_to_value`] === null) return h("td", {}, MISSING, h("br"), status(r[`${p}_status`]));
  return h("td", {},
    num(r, `${p}_from_value`, u), year(r, `${p}_from_year`), " → ", num(r, `${p}_to_value`, u), year(r, `${p}_to_year`), h("br"),
    chg(r, `${p}_change`, u), " ", status(r[`${p}_status`], r[`${p}_method`]));
}

function comparatorLabel(r: ReportTableRow): string {
  if (r.comparator === "county") return "Länet";
  if (r.comparator === "municipal_median") return `Median av ${r.comparator_n ?? "länets"} kommuner`;
  return "";
}

/** The goal area's table: one row per goal indicator, every cell expanded. */
export function ReportTable(goal: ReportGoal, isCounty: boolean): HTMLTableElement {
  const head = ["Indikator", "Senaste värde", "Strategiperioden 2015 → 2020", "Sedan 2020", "Trend nu",
    isCounty ? "Kommunerna (trend)" : "Länet", "Riket", "Kvinnor / män", "Skillnad utrikes födda"];
  const rows = goal.rows.map((r) => {
    const u = String(r.unit);
    const gu = String(r.gap_unit || changeUnit(u));
    const county = isCounty
      ? h("td", {}, r.municipalities_n === null ? MISSING : h("span", {},
        h("span", {"data-col": "municipalities_improving", "data-unit": "count"}, String(r.municipalities_improving)), " ▲ · ",
        h("span", {"data-col": "municipalities_worsening", "data-unit": "count"}, String(r.municipalities_worsening)), " ▼ · ",
        h("span", {"data-col": "municipalities_no_clear_change", "data-unit": "count"}, String(r.municipalities_no_clear_change)), " ■ av ",
        h("span", {"data-col": "municipalities_n", "data-unit": "count"}, String(r.municipalities_n))))
      : r.comparator === "none"
        ? h("td", {}, MISSING, r.comparator_note ? h("br") : null, r.comparator_note ? h("small", {}, String(r.comparator_note)) : null)
        : h("td", {}, h("small", {}, comparatorLabel(r)), h("br"), num(r, "comparator_value", u), h("br"), chg(r, "diff_vs_comparator", u));
    return h("tr", {"data-indicator": String(r.indicator_id)},
      h("th", {scope: "row"}, String(r.indicator_title), h("br"), h("small", {}, String(r.unit_label))),
      h("td", {class: "num"}, num(r, "latest_value", u), year(r, "latest_year")),
      periodCell(r, "period"),
      periodCell(r, "since"),
      h("td", {}, status(r.trend), r.trend_from_year === null ? "" : h("small", {}, h("br"), `${r.trend_from_year}–${r.trend_to_year}`)),
      county,
      h("td", {}, num(r, "sweden_value", u), h("br"), chg(r, "diff_vs_sweden", u)),
      h("td", {}, r.women_value === null && r.men_value === null ? MISSING : h("span", {},
        "K ", num(r, "women_value", u), h("br"), "M ", num(r, "men_value", u), year(r, "women_year"))),
      h("td", {}, r.gap_value === null ? MISSING : h("span", {}, num(r, "gap_value", gu), year(r, "gap_year"),
        h("br"), h("small", {}, r.gap_comparison_group === "born_in_sweden" ? "mot inrikes födda" : "mot samtliga")))
    );
  });
  return h("table", {class: "report-table"},
    h("caption", {}, `${goal.title}: målindikatorer (${goal.rows.length})`),
    h("colgroup", {}, ["ind", "latest", "period", "since", "trend", "county", "sweden", "sex", "gap"].map((c) => h("col", {class: `c-${c}`}))),
    h("thead", {}, h("tr", {}, head.map((t) => h("th", {scope: "col"}, t)))),
    h("tbody", {}, rows));
}

/** A chart of how the county's municipalities develop per indicator (county report) — sized to fit the page. */
export function MunicipalityStatusChart(goal: ReportGoal, width: number): HTMLElement | null {
  const rows = goal.rows.filter((r) => r.municipalities_n !== null);
  if (!rows.length) return null;
  const statuses = ["improving", "no_clear_change", "worsening", "insufficient_data"] as const;
  const col = {improving: "municipalities_improving", no_clear_change: "municipalities_no_clear_change", worsening: "municipalities_worsening"} as const;
  const data = rows.flatMap((r) => {
    const n = Number(r.municipalities_n);
    const counts = statuses.map((s) => (s === "insufficient_data" ? n - statuses.slice(0, 3).reduce((t, x) => t + Number(r[col[x as keyof typeof col]] ?? 0), 0) : Number(r[col[s]] ?? 0)));
    return statuses.map((s, i) => ({indicator: String(r.indicator_title), status: s, count: counts[i]!}));
  }).filter((d) => d.count > 0);
  const labels = rows.map((r) => String(r.indicator_title));
  // Indicator titles are long: always above their bars (rowLabels puts them above below 600 px), so nothing is clipped.
  const lay = rowLabels(labels, 0, 26);
  const chart = Plot.plot({
    width: fitWidth(width, lay.marginLeft, 20), height: 50 + labels.length * lay.step, marginLeft: lay.marginLeft, marginRight: 20,
    ariaLabel: `${goal.title}: kommunernas trend per indikator`,
    x: {label: "antal kommuner", domain: [0, Math.max(1, ...rows.map((r) => Number(r.municipalities_n)))]},
    y: {label: null, domain: labels, tickSize: 0, axis: lay.axis, padding: lay.above ? 0.15 : 0.25},
    color: {domain: [...statuses], range: statuses.map((s) => STATUS_FILL[s]!)},
    style: {fontSize: "11px"},
    marks: [
      ...lay.marks(((d: {indicator: string}) => d.indicator) as (d: never) => string, labels.map((indicator) => ({indicator}))),
      Plot.barX(data, Plot.stackX({...lay.barInset, y: "indicator", x: "count", fill: "status", stroke: "#666", strokeWidth: 0.5, order: [...statuses]})),
      Plot.text(data, Plot.stackX({y: "indicator", x: "count", dy: lay.above ? 7 : 0, order: [...statuses], text: (d: {status: string; count: number}) => `${REPORT_STATUS[d.status]!.icon} ${d.count}`,
        fill: (d: {status: string}) => (d.status === "improving" || d.status === "worsening" ? "white" : "black"), fontWeight: 700, fontSize: 10}))
    ]
  });
  return h("figure", {class: "report-chart"}, chart,
    h("figcaption", {}, `${goal.title}: antal av länets kommuner vars trend förbättras (▲), inte visar någon säker förändring (■), försämras (▼) eller har för få värden (…). Siffrorna står i tabellen nedan.`));
}

function listItems(items: readonly ReportListItem[], empty: string): HTMLElement {
  if (!items.length) return h("p", {class: "muted"}, empty);
  return h("ul", {class: "report-list"}, items.map((i) => h("li", {"data-indicator": i.indicator_id}, i.sentence.text)));
}

/** "Behöver uppmärksamhet" and "Går åt rätt håll". */
export function PriorityLists(rep: ReportFile): HTMLElement {
  const cmp = rep.area_level === "county" ? "riket" : "länet (eller medianen av länets kommuner)";
  return h("section", {class: "report-priorities"},
    h("h2", {id: "uppmarksamhet"}, "Behöver uppmärksamhet"),
    h("p", {class: "muted"}, `Indikatorer vars trend går åt fel håll och vars senaste värde är sämre än ${cmp}.`),
    listItems(rep.attention, "Ingen indikator går åt fel håll och ligger samtidigt sämre än jämförelsen."),
    h("h2", {id: "ratt-hall"}, "Går åt rätt håll"),
    h("p", {class: "muted"}, "Indikatorer vars trend går åt rätt håll, ordnade efter hur säker trenden är (t-värdet för lutningen: högre är säkrare)."),
    listItems(rep.improving, "Ingen indikator har en säker trend åt rätt håll."));
}

/** County report: the goal areas ranked for the integration council's yearly plan. */
export function GoalRanking(rep: ReportFile): HTMLElement | null {
  if (!rep.goal_ranking) return null;
  return h("section", {class: "report-ranking"},
    h("h2", {id: "prioritering"}, "Fokusområden i prioritetsordning"),
    h("p", {class: "muted"}, "Ordnade efter hur många fall (kommun × indikator) som behöver uppmärksamhet i kommunernas rapporter, därefter efter färst fall som går åt rätt håll."),
    h("ol", {}, rep.goal_ranking.map((g) => h("li", {"data-goal": g.goal_area}, g.sentence.text))));
}

/** A goal area: heading, the pipeline's sentences, chart (county), table, unmeasured sub-goals. */
export function GoalSection(rep: ReportFile, goal: ReportGoal, width: number): HTMLElement {
  const isCounty = rep.area_level === "county";
  return h("section", {class: "report-goal", "data-goal": goal.goal_area},
    h("h2", {id: `mal-${goal.goal_area}`}, goal.title),
    h("div", {class: "report-sentences"}, goal.sentences.map((s) => h("p", {"data-kind": s.kind}, s.text))),
    isCounty ? MunicipalityStatusChart(goal, Math.min(width, 680)) : null,
    h("div", {class: "report-table-wrap"}, ReportTable(goal, isCounty)),
    goal.unmeasured.length
      ? h("div", {class: "report-unmeasured"},
        h("h3", {}, `Delmål som ingen statistik mäter (${goal.unmeasured.length})`),
        h("ul", {}, goal.unmeasured.map((u) => h("li", {"data-subgoal": u.subgoal_id}, h("strong", {}, u.text), " ", u.reason))))
      : null);
}

function newsList(items: readonly NewsItem[], what: (i: NewsItem) => string): HTMLElement {
  return h("ul", {}, items.map((i) => h("li", {"data-indicator": i.indicator_id}, `${i.title}${i.kind === "area" ? " (bostadsområden)" : ""}: ${what(i)}`)));
}

/** "Nytt sedan förra uppdateringen". */
export function NewsSection(rep: ReportFile): HTMLElement {
  const n = rep.news;
  const body = n === null
    ? [h("p", {}, "Ingen tidigare körning av pipelinen att jämföra med.")]
    : [
      h("p", {class: "muted"}, `Jämfört med förra körningen av pipelinen${n.previous_retrieved ? ` (data hämtade ${formatDate(n.previous_retrieved)})` : ""}.`),
      h("h3", {}, `Nya år (${n.new_years.length})`),
      n.new_years.length ? newsList(n.new_years, (i) => i.years.join(", ")) : h("p", {}, "Inga nya år."),
      h("h3", {}, `Reviderade värden (${n.revised.length})`),
      n.revised.length ? newsList(n.revised, (i) => `${formatNumber(i.n_revised ?? 0, 0)} värden för ${i.years.join(", ")}`) : h("p", {}, "Inga reviderade värden.")
    ];
  return h("section", {class: "report-news"}, h("h2", {id: "nytt"}, "Nytt sedan förra uppdateringen"), ...body);
}

/** Header shown on screen and repeated as the running header on paper. */
export function ReportHeader(rep: ReportFile): HTMLElement {
  return h("header", {class: "report-header"},
    h("p", {class: "report-kicker"}, "Uppföljning av integrationsstrategin"),
    h("h1", {}, rep.title),
    h("p", {class: "report-meta"},
      `Data till och med ${rep.data_year ?? MISSING} · hämtade ${formatDate(rep.retrieved)} · sammanställd ${formatDate(rep.generated_at)}`));
}

/**
 * The running header of every printed page (an @page margin box): area, data year and retrieval date. CSS strings
 * cannot come from the DOM in Chromium (no string-set), so the report writes them into a <style>.
 */
export function PrintHeaderStyle(rep: ReportFile): HTMLStyleElement {
  const text = `${rep.title} · uppföljning, data till och med ${rep.data_year ?? MISSING} · hämtade ${formatDate(rep.retrieved)}`;
  const css = JSON.stringify(text).replace(/</g, "\\3C ");
  const style = document.createElement("style");
  style.textContent = `@page { @top-left { content: ${css}; font-size: 8pt; color: #333; } }`;
  return style;
}

/** The print button and the downloads (hidden on paper). */
export function ReportActions(rep: ReportFile, pub: (p: string) => string): HTMLElement {
  const button = h("button", {type: "button", class: "print-button"}, "Skriv ut / spara som PDF");
  button.addEventListener("click", () => window.print());
  return h("div", {class: "report-actions no-print"}, button,
    h("a", {href: pub(rep.files.csv), download: ""}, "Rapportens data (CSV)"),
    h("a", {href: pub(rep.files.excel_csv), download: ""}, "CSV för Excel"));
}

