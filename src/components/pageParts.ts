/** Building blocks of the pages beyond charts: goal cards, key figures, quotes, the test-data notice. */
import type {Catalogue, CatalogueGoal, CountyStatusRow, SummaryRow, TrendStatus} from "../../indicators/published.js";
import {ChartCard} from "./chartCard.js";
import {StatusChart} from "./charts.js";
import {areaName, strategyGoals, trendCounts} from "./data.js";
import {h} from "./dom.js";
import {formatYear} from "./format.js";
import {TREND} from "./labels.js";
import {StatusBadge} from "./statusBadge.js";
import type {TrendCounts} from "./data.js";

/** Shown when the published files say they are test data (the fixture): numbers must not be read as real. */
export function TestDataNotice(cat: Catalogue): HTMLElement | null {
  return /TESTDATA|påhittade/i.test(cat.licence_note)
    ? h("p", {class: "invented", role: "note"}, h("strong", {}, "Obs! "), cat.licence_note)
    : null;
}

const SHOWN: TrendStatus[] = ["improving", "worsening", "no_clear_change"];

/** A goal area as a card: title (link), counts improving / worsening / no clear change (icon + word), the trend windows, freshest year. */
export function GoalCard(goal: CatalogueGoal, counts: TrendCounts, opts: {href: string; freshest: number | null; nIndicators: number; areaName: string; isCounty?: boolean; window?: string}): HTMLElement {
  if (opts.nIndicators === 0) {
    return h("article", {class: "card goal-card", "data-goal": goal.id},
      h("h3", {}, h("a", {href: opts.href}, goal.title)),
      h("p", {class: "muted"}, "Inga målindikatorer publicerade för området ännu. Sidan visar delmålen och varför de inte mäts."));
  }
  const n = (k: number) => `${k} ${k === 1 ? "indikator" : "indikatorer"}`;
  return h("article", {class: "card goal-card", "data-goal": goal.id},
    h("h3", {}, h("a", {href: opts.href}, goal.title)),
    h("p", {class: "muted"}, `${n(opts.nIndicators)} · trend för ${opts.areaName} ${windowText(opts.window ? [opts.window] : counts.windows)}`),
    h("ul", {class: "counts"},
      SHOWN.map((s) => h("li", {"data-status": s}, StatusBadge(s), ` ${n(counts[s])}`)),
      counts.by_municipalities ? h("li", {"data-status": "by_municipalities"},
        `${n(counts.by_municipalities)} utan länsvärde, bedömda per kommun: ${counts.municipal.improving} förbättras, ${counts.municipal.worsening} försämras, ` +
        `${counts.municipal.no_clear_change} utan säker förändring, ${counts.municipal.insufficient_data} för kort serie (av ${counts.municipal.n} kommunserier)`) : null,
      counts.insufficient_data ? h("li", {"data-status": "insufficient_data", class: "muted"}, `${TREND.insufficient_data.icon} ${n(counts.insufficient_data)} med för kort serie`) : null,
      counts.no_value ? h("li", {"data-status": "no_value", class: "muted"}, `○ ${n(counts.no_value)} utan värde för ${opts.areaName}`) : null
    ),
    h("p", {class: "fresh"}, `Senaste data: ${formatYear(opts.freshest)}`)
  );
}

/** Which years the counted trends cover: each series' latest year and the five before it. */
function windowText(windows: readonly string[]): string {
  if (windows.length === 0) return "(senaste sex åren per serie)";
  if (windows.length === 1) return `(${windows[0]}, senaste sex åren per serie)`;
  const from = windows.map((w) => w.split("–")[0]).sort()[0];
  const to = windows.map((w) => w.split("–")[1]).sort().at(-1);
  return `(senaste sex åren per serie, fönster mellan ${from} och ${to})`;
}

/** A key figure box; a formatted value's unit ("procentenheter") is set smaller and may wrap below the number. */
export function Kpi(label: string, value: string | Node, note?: string | Node): HTMLElement {
  const m = typeof value === "string" ? /^(\S+)\u00A0(.+)$/.exec(value) : null;
  const shown = m ? [h("span", {class: "kpi-number"}, m[1]), " ", h("span", {class: `kpi-unit${m[2]!.length > 4 ? " long" : ""}`}, m[2])] : [value];
  return h("div", {class: "card kpi"}, h("div", {class: "kpi-label"}, label), h("div", {class: "kpi-value"}, shown), note ? h("div", {class: "kpi-note"}, note) : null);
}

/** A quoted goal text with whose words it is. */
export function Quote(who: string, text: string): HTMLElement {
  return h("blockquote", {class: "quote"}, h("span", {class: "who"}, who), text);
}

const CARD_STATUSES = ["improving", "worsening", "no_clear_change", "insufficient_data", "by_municipalities", "no_value"] as const;
type CardStatus = (typeof CARD_STATUSES)[number];
const statusWord = (s: CardStatus) => (s === "no_value" ? "Inget värde" : s === "by_municipalities" ? "Utan länsvärde: bedömd per kommun" : TREND[s].word);
const statusIcon = (s: CardStatus) => (s === "no_value" ? "○" : s === "by_municipalities" ? "◇" : TREND[s].icon);

/** The chart "status per goal area" for an area: counts of goal indicators by trend, with table, source and CSV. */
export function StatusOverviewCard(cat: Catalogue, summary: readonly SummaryRow[], area: string, width: number, root: string, countyStatus: readonly CountyStatusRow[] = []): HTMLElement {
  const goals = strategyGoals(cat);
  const name = areaName(cat, area);
  const rows = goals.flatMap((g) => {
    const c = trendCounts(cat, summary, g.id, area, countyStatus);
    return CARD_STATUSES.map((s) => ({goal_area: g.id, goal: g.title, area_code: area, area_name: name, status: s, label: statusWord(s), icon: statusIcon(s), count: c[s]}));
  });
  const dates = [...new Set(cat.sources.map((s) => s.retrieved))].sort();
  return ChartCard({
    id: "status-per-malomrade",
    title: `Status per fokusområde – ${name}`,
    subtitle: "Antal målindikatorer som förbättras, försämras eller saknar säker förändring, var och en över sina senaste sex år (trend med t-test enligt sidan Metod och källor). Utan länsvärde bedöms länet som fördelningen över kommunerna (se fokusområdets sida).",
    chart: StatusChart(rows, {width: Math.min(width, 900), title: "Status per fokusområde", goals: goals.map((g) => g.title), statuses: CARD_STATUSES.map((s) => ({status: s, label: statusWord(s)}))}),
    rows,
    table: [
      {key: "goal", label: "Fokusområde"},
      {key: "label", label: "Status", format: (r) => `${r.icon} ${r.label}`},
      {key: "count", label: "Antal indikatorer", numeric: true}
    ],
    csv: {columns: ["goal_area", "goal", "area_code", "area_name", "status", "count"], filename: `status-${area}`},
    sources: [{id: "summary.csv", title: "Sammanställning", agency: null, publisher: "Beräknat av oss från Kolada (RKA) och SCB", licence: "", url: "", code: null, published: null, retrieved: dates.at(-1) ?? cat.generated_at}],
    retrieved: dates,
    files: [{label: "summary.csv", href: `${root}data/pub/summary.csv`}, {label: "catalogue.json", href: `${root}data/pub/catalogue.json`}],
    filesLead: "Underlag:"
  });
}
