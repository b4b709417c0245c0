/** The source line under every chart: publisher, KPI/table id, retrieval date; provenance travels as data. */
import type {SourceRef} from "../../indicators/published.js";
import {formatDate} from "./format.js";

/** "N02268" from "kolada:N02268"; "TAB5972" from "scb:TAB5972". */
export function sourceCode(id: string): string {
  return id.includes(":") ? id.slice(id.indexOf(":") + 1) : id;
}

/** One sentence naming every source: "Källa: Kolada (RKA), KPI N02268 (SCB). Hämtad 2026-11-20." */
export function sourceText(sources: readonly SourceRef[], retrieved: readonly string[] = []): string {
  if (sources.length === 0) throw new Error("a chart without a source: every chart must name one");
  const parts = sources.map((s) => {
    const kind = s.id.startsWith("kolada:") ? "KPI " : s.id.startsWith("scb:") ? "tabell " : "";
    const agency = s.agency && !s.publisher.startsWith(s.agency) ? ` (${s.agency})` : "";
    return `${s.publisher}, ${kind}${sourceCode(s.id)}${agency}`;
  });
  const dates = [...new Set((retrieved.length ? retrieved : sources.map((s) => s.retrieved)).map(formatDate))].sort();
  const when = dates.length === 1 ? dates[0] : `${dates[0]}–${dates.at(-1)}`;
  return `Källa: ${parts.join("; ")}. Hämtad ${when}.`;
}

/** The source line as an element (<p class="source-note">). */
export function SourceNote(sources: readonly SourceRef[], retrieved: readonly string[] = [], extra?: string): HTMLElement {
  const p = document.createElement("p");
  p.className = "source-note";
  p.textContent = sourceText(sources, retrieved) + (extra ? ` ${extra}` : "");
  return p;
}
