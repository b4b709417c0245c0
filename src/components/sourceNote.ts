/**
 * The source line under every chart: publisher, KPI/table id linked to the source's public page, the source's own
 * publication date where it gave one, our retrieval date; figures we computed say so. Provenance travels as data.
 */
import type {SourceRef} from "../../indicators/published.js";
import {formatDate} from "./format.js";

/** "N02268" from "kolada:N02268"; "TAB5972" from "scb:TAB5972". */
export function sourceCode(id: string): string {
  return id.includes(":") ? id.slice(id.indexOf(":") + 1) : id;
}

/** "KPI N02268", "tabell TAB6572", or the table's title where SCB's id is not known. */
export function sourceName(s: SourceRef): string {
  if (s.id.startsWith("kolada:")) return `KPI ${s.code ?? sourceCode(s.id)}`;
  if (s.id.startsWith("scb:")) return s.code ? `tabell ${s.code}` : `tabellen ”${s.title}”`;
  return s.code ?? sourceCode(s.id);
}

interface Part {
  lead: string;
  name: string;
  url: string;
  tail: string;
}

function parts(sources: readonly SourceRef[]): Part[] {
  return sources.map((s) => {
    const agency = s.agency && !s.publisher.startsWith(s.agency) ? ` (${s.agency})` : "";
    const published = s.published ? `, publicerad ${formatDate(s.published)}` : "";
    return {lead: `${s.publisher}, `, name: sourceName(s), url: s.url, tail: `${agency}${published}`};
  });
}

function when(sources: readonly SourceRef[], retrieved: readonly string[]): string {
  const dates = [...new Set((retrieved.length ? retrieved : sources.map((s) => s.retrieved)).map(formatDate))].sort();
  return dates.length === 1 ? dates[0]! : `${dates[0]}–${dates.at(-1)}`;
}

/**
 * One sentence naming every source: "Källa: Kolada (RKA), KPI N02268 (SCB), publicerad 2026-06-15. Hämtad 2026-11-20."
 * With `derived`: "Beräknat av oss från Kolada (RKA), KPI N02268 …" (gaps, medians, shares of counts).
 */
export function sourceText(sources: readonly SourceRef[], retrieved: readonly string[] = [], derived = false): string {
  if (sources.length === 0) throw new Error("a chart without a source: every chart must name one");
  const text = parts(sources).map((p) => `${p.lead}${p.name}${p.tail}`).join("; ");
  return `${derived ? "Beräknat av oss från" : "Källa:"} ${text}. Hämtad ${when(sources, retrieved)}.`;
}

/**
 * What a chart shows that we computed, from its rows' source column: "all" rows, "some" (then named: the median of the
 * municipalities, the gap), or none.
 */
export function derivedOf(rowSources: readonly string[]): {all: boolean; what: string[]} {
  const ours = rowSources.filter((x) => x.startsWith("Beräknat av oss"));
  const what = [...new Set(ours.map((x) => (/median av/.test(x) ? "medianen av kommunerna" : /gapet/.test(x) ? "gapet mellan grupperna" : "andelarna av antal")))];
  return {all: ours.length > 0 && ours.length === rowSources.length, what};
}

/** The source line as an element (<p class="source-note">), each KPI/table linked to its public page. */
export function SourceNote(
  sources: readonly SourceRef[], retrieved: readonly string[] = [], extra?: string, derived: boolean | {all: boolean; what: string[]} = false
): HTMLElement {
  const some = typeof derived === "object" && !derived.all && derived.what.length > 0 ? derived.what : [];
  derived = typeof derived === "object" ? derived.all : derived;
  if (sources.length === 0) throw new Error("a chart without a source: every chart must name one");
  const p = document.createElement("p");
  p.className = "source-note";
  p.append(`${derived ? "Beräknat av oss från" : "Källa:"} `);
  parts(sources).forEach((part, i) => {
    if (i > 0) p.append("; ");
    p.append(part.lead);
    if (/^https:\/\//.test(part.url)) {
      const a = document.createElement("a");
      a.href = part.url;
      a.rel = "external";
      a.textContent = part.name;
      p.append(a);
    } else p.append(part.name);
    p.append(part.tail);
  });
  p.append(`. Hämtad ${when(sources, retrieved)}.`);
  if (some.length) p.append(` Beräknat av oss från källans värden: ${some.join(" och ")}.`);
  if (extra) p.append(` ${extra}`);
  return p;
}
