/** Trend status as icon + word (+ a colour that is only a third cue, never the only one). */
import type {TrendStatus} from "../../indicators/published.js";
import {TREND} from "./labels.js";

/** A badge: "▲ Förbättras". The colour class is decoration; the icon and the word carry the meaning. */
export function StatusBadge(status: TrendStatus, opts: {compact?: boolean} = {}): HTMLElement {
  const t = TREND[status];
  const span = document.createElement("span");
  span.className = `status status-${status}${opts.compact ? " status-compact" : ""}`;
  span.dataset.status = status;
  span.title = t.description;
  const icon = document.createElement("span");
  icon.className = "status-icon";
  icon.setAttribute("aria-hidden", "true");
  icon.textContent = t.icon;
  span.append(icon, ` ${t.word}`);
  return span;
}
