/** Building blocks of the pages beyond charts: goal cards, key figures, quotes, the test-data notice. */
import type {Catalogue, CatalogueGoal, TrendStatus} from "../../indicators/published.js";
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

const SHOWN: TrendStatus[] = ["improving", "stable", "worsening"];

/** A goal area as a card: title (link), counts improving / stable / worsening (icon + word), freshest year. */
export function GoalCard(goal: CatalogueGoal, counts: TrendCounts, opts: {href: string; freshest: number | null; nIndicators: number; areaName: string}): HTMLElement {
  const notAssessed = counts.insufficient_data + counts.no_value;
  if (opts.nIndicators === 0) {
    return h("article", {class: "card goal-card", "data-goal": goal.id},
      h("h3", {}, h("a", {href: opts.href}, goal.title)),
      h("p", {class: "muted"}, "Inga målindikatorer publicerade för området ännu. Sidan visar delmålen och varför de inte mäts."));
  }
  return h("article", {class: "card goal-card", "data-goal": goal.id},
    h("h3", {}, h("a", {href: opts.href}, goal.title)),
    h("p", {class: "muted"}, `${opts.nIndicators} ${opts.nIndicators === 1 ? "indikator" : "indikatorer"} · status för ${opts.areaName}`),
    h("ul", {class: "counts"},
      SHOWN.map((s) => h("li", {"data-status": s}, StatusBadge(s), ` ${counts[s]} ${counts[s] === 1 ? "indikator" : "indikatorer"}`)),
      notAssessed ? h("li", {"data-status": "not_assessed"}, h("span", {class: "muted"}, `${TREND.insufficient_data.icon} ${notAssessed} utan bedömning (kort serie eller inget värde)`)) : null
    ),
    h("p", {class: "fresh"}, `Senaste data: ${formatYear(opts.freshest)}`)
  );
}

/** A key figure box; a formatted value's unit ("procentenheter") is set smaller and may wrap below the number. */
export function Kpi(label: string, value: string | Node, note?: string | Node): HTMLElement {
  const m = typeof value === "string" ? /^(\S+)\u00A0(.+)$/.exec(value) : null;
  const shown = m ? [h("span", {class: "kpi-number"}, m[1]), " ", h("span", {class: "kpi-unit"}, m[2])] : [value];
  return h("div", {class: "card kpi"}, h("div", {class: "kpi-label"}, label), h("div", {class: "kpi-value"}, shown), note ? h("div", {class: "kpi-note"}, note) : null);
}

/** A quoted goal text with whose words it is. */
export function Quote(who: string, text: string): HTMLElement {
  return h("blockquote", {class: "quote"}, h("span", {class: "who"}, who), text);
}
