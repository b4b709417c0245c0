/** Trend status as icon + word + window (+ a colour that is only a third cue, never the only one). */
import type {TrendStatus} from "../../indicators/published.js";
import {TREND} from "./labels.js";

/** "2017–2022", or one year, or "" when there is no window. */
export function windowText(from: number | null | undefined, to: number | null | undefined): string {
  if (from === null || from === undefined || to === null || to === undefined) return "";
  return from === to ? String(to) : `${from}–${to}`;
}

/**
 * A badge: "▲ Förbättras 2017–2022". The window is part of the badge so that it is never read against a figure
 * of another window; the colour class is decoration, the icon and the word carry the meaning.
 */
export function StatusBadge(status: TrendStatus, opts: {compact?: boolean; from?: number | null; to?: number | null} = {}): HTMLElement {
  const t = TREND[status];
  const span = document.createElement("span");
  span.className = `status status-${status}${opts.compact ? " status-compact" : ""}`;
  span.dataset.status = status;
  const win = windowText(opts.from, opts.to);
  if (win) span.dataset.window = win;
  span.title = t.description;
  const icon = document.createElement("span");
  icon.className = "status-icon";
  icon.setAttribute("aria-hidden", "true");
  icon.textContent = t.icon;
  span.append(icon, ` ${t.word}`);
  if (win) {
    const w = document.createElement("span");
    w.className = "status-window";
    w.textContent = ` ${win}`;
    span.append(w);
  }
  return span;
}
