/**
 * Share and reuse a chart card: "Ladda ner bild" as SVG and PNG (title, the chart, the source line and the date
 * drawn into the image), "Kopiera länk" to exactly this view (the query string holds the state; the hash points at
 * the chart) and "Så citerar du". Also makes the chart's SVG an image for assistive technology: role="img", a name
 * and a description that points to the table, and no aria-label left on Plot's inner groups (ARIA forbids a label
 * on an element without a role).
 */
import {h} from "./dom.js";

export const SITE_NAME = "Integration i Jönköpings län";
const SVG_NS = "http://www.w3.org/2000/svg";
/** The PNG is drawn at twice the SVG's size (sharp on high-density screens and in print). */
export const PNG_SCALE = 2;

export interface ShareSpec {
  /** The card's id (unique on the page): the image file names and the link's #hash. */
  id: string;
  title: string;
  /** The source line under the chart ("Källa: … Hämtad …"). */
  source: string;
  /** A sentence for screen readers: what the chart shows; the table holds the values. */
  description: string;
}

/** Today's date as YYYY-MM-DD in the user's time zone. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The chart's own SVGs (Plot's plot and legends), not the HTML legend's swatches. */
function chartSvgs(root: Element): SVGSVGElement[] {
  const all = root instanceof SVGSVGElement ? [root] : [...root.querySelectorAll<SVGSVGElement>("svg")];
  return all.filter((s) => !s.closest(".series-legend") && !s.parentElement?.closest("svg"));
}

/** The plot itself: the largest of the SVGs (legends are small). */
function largest(svgs: readonly SVGSVGElement[]): SVGSVGElement | undefined {
  const area = (s: SVGSVGElement) => (Number(s.getAttribute("width")) || 0) * (Number(s.getAttribute("height")) || 0);
  return [...svgs].sort((a, b) => area(b) - area(a))[0];
}

/** Mark a chart's SVGs as images with a name and a description; strip aria-label from inner elements. */
export function describeChart(chart: Element, spec: ShareSpec): void {
  const svgs = chartSvgs(chart);
  const main = largest(svgs);
  for (const svg of svgs) {
    // A chart whose parts can be focused and chosen (the area maps) is a group of named controls, not one image:
    // an image's children are presentational, so focusable ones inside it would be nested interactive controls.
    const interactive = svg.querySelector('[tabindex="0"], a[href], button') !== null;
    svg.setAttribute("role", interactive ? "group" : "img");
    svg.setAttribute("aria-label", svg === main ? spec.title : `Teckenförklaring: ${spec.title}`);
    for (const el of svg.querySelectorAll("[aria-label]:not([role])")) {
      // Keep the mark type for tests and tools, without an ARIA attribute on an element that has no role.
      el.setAttribute("data-mark", el.getAttribute("aria-label") ?? "");
      el.removeAttribute("aria-label");
    }
    for (const el of svg.querySelectorAll("[aria-description]")) el.removeAttribute("aria-description");
    let desc = svg.querySelector(":scope > desc");
    if (!desc) {
      desc = document.createElementNS(SVG_NS, "desc");
      svg.prepend(desc);
    }
    desc.textContent = spec.description;
  }
}

/** Split text into lines of at most `max` characters at spaces. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * A standalone SVG of the chart: the title on top, the series legend (when the card has one), the chart, then the
 * source line, the date and where it comes from. Returns the markup and its size in px.
 */
export function chartImage(card: Element, spec: ShareSpec, url: string): {svg: string; width: number; height: number} {
  const chart = card.querySelector(".chart");
  const plot = chart ? largest(chartSvgs(chart)) : undefined;
  if (!plot) throw new Error(`chart ${spec.id}: no svg to save`);
  const cw = Number(plot.getAttribute("width")) || plot.getBoundingClientRect().width || 640;
  const ch = Number(plot.getAttribute("height")) || plot.getBoundingClientRect().height || 320;
  const width = Math.max(cw, 360);
  const pad = 12;
  const chars = Math.floor((width - 2 * pad) / 7.2);
  const root = svgEl("svg", {xmlns: SVG_NS, width, height: 0, viewBox: `0 0 ${width} 0`, "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"});
  root.append(svgEl("title", {}, spec.title), svgEl("desc", {}, `${spec.description} ${spec.source}`));
  root.append(svgEl("rect", {x: 0, y: 0, width, height: "100%", fill: "#ffffff"}));
  let y = pad;
  for (const line of wrapText(spec.title, Math.floor(chars * 0.8))) {
    y += 20;
    root.append(svgEl("text", {x: pad, y, "font-size": 16, "font-weight": 700, fill: "#1b1e23"}, line));
  }
  y += 8;
  const legend = [...card.querySelectorAll(".series-legend-item")];
  if (legend.length) {
    let x = pad;
    y += 14;
    for (const item of legend) {
      const label = (item.textContent ?? "").trim();
      const w = 34 + label.length * 6.6;
      if (x + w > width - pad && x > pad) {
        x = pad;
        y += 18;
      }
      const line = item.querySelector("line");
      if (line) {
        const l = line.cloneNode(true) as SVGLineElement;
        l.setAttribute("x1", String(x));
        l.setAttribute("x2", String(x + 26));
        l.setAttribute("y1", String(y - 4));
        l.setAttribute("y2", String(y - 4));
        root.append(l);
      }
      root.append(svgEl("text", {x: x + 32, y, "font-size": 12, fill: "#1b1e23"}, label));
      x += w + 14;
    }
    y += 10;
  }
  const copy = plot.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("x", String(Math.round((width - cw) / 2)));
  copy.setAttribute("y", String(y));
  copy.setAttribute("width", String(cw));
  copy.setAttribute("height", String(ch));
  copy.removeAttribute("style");
  copy.removeAttribute("role");
  copy.removeAttribute("aria-label");
  copy.querySelector(":scope > desc")?.remove();
  root.append(copy);
  y += ch + 6;
  for (const line of [...wrapText(spec.source, chars), ...wrapText(`Bild skapad ${today()} från ${SITE_NAME}: ${url}`, chars)]) {
    y += 15;
    root.append(svgEl("text", {x: pad, y, "font-size": 11, fill: "#333333", class: "image-source"}, line));
  }
  const height = Math.ceil(y + pad);
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return {svg: new XMLSerializer().serializeToString(root), width, height};
}

function download(href: string, filename: string): void {
  const a = h("a", {href, download: filename, hidden: true});
  document.body.append(a);
  a.click();
  a.remove();
}

/** Draw the SVG on a canvas and resolve with a PNG blob of PNG_SCALE × its size. */
async function toPng(svg: string, width: number, height: number): Promise<Blob> {
  const img = new Image();
  img.width = width;
  img.height = height;
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await new Promise<void>((ok, fail) => {
    img.onload = () => ok();
    img.onerror = () => fail(new Error("the chart image could not be drawn"));
    img.src = src;
  });
  const canvas = document.createElement("canvas");
  canvas.width = width * PNG_SCALE;
  canvas.height = height * PNG_SCALE;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2d canvas");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error("PNG encoding failed"))), "image/png"));
}

/** This view's address with the chart as the #hash. */
export function viewLink(id: string): string {
  return `${location.origin}${location.pathname}${location.search}#${encodeURIComponent(id)}`;
}

/** The citation of a chart: the site's name, the chart's title, the address, the date; the original source. */
export function citation(spec: ShareSpec, url: string): string {
  return `${SITE_NAME}: ”${spec.title}”. ${url} (hämtad ${today()}). ${spec.source.replace(/^Källa: /, "Ursprunglig källa: ")}`;
}

/** The share row of a chart card (see module comment). */
export function ShareControls(card: HTMLElement, spec: ShareSpec): HTMLElement {
  const status = h("span", {class: "share-status", role: "status", "aria-live": "polite"});
  const say = (text: string) => {
    status.textContent = text;
  };
  const file = (ext: string) => `${spec.id}.${ext}`;
  const svgButton = h("button", {type: "button", class: "download-svg", "aria-label": `Ladda ner bild som SVG: ${spec.title}`}, "SVG");
  const pngButton = h("button", {type: "button", class: "download-png", "aria-label": `Ladda ner bild som PNG: ${spec.title}`}, "PNG");
  svgButton.addEventListener("click", () => {
    const img = chartImage(card, spec, viewLink(spec.id));
    download(URL.createObjectURL(new Blob([img.svg], {type: "image/svg+xml"})), file("svg"));
    say("Bilden (SVG) är nedladdad.");
  });
  pngButton.addEventListener("click", () => {
    const img = chartImage(card, spec, viewLink(spec.id));
    toPng(img.svg, img.width, img.height).then((blob) => {
      download(URL.createObjectURL(blob), file("png"));
      say("Bilden (PNG) är nedladdad.");
    }, (e: Error) => say(`Bilden kunde inte skapas: ${e.message}`));
  });
  const linkButton = h("button", {type: "button", class: "copy-link", "aria-label": `Kopiera länk till diagrammet: ${spec.title}`}, "Kopiera länk");
  linkButton.addEventListener("click", () => {
    const url = viewLink(spec.id);
    if (!navigator.clipboard) {
      say(`Kopiera länken: ${url}`);
      return;
    }
    navigator.clipboard.writeText(url).then(() => say("Länken är kopierad."), () => say(`Kopiera länken: ${url}`));
  });
  const cite = h("details", {class: "cite"}, h("summary", {}, "Så citerar du"));
  cite.addEventListener("toggle", () => {
    if (!cite.open) return;
    cite.querySelector("p")?.remove();
    cite.append(h("p", {}, citation(spec, viewLink(spec.id))));
  });
  // The text exists before the first toggle too (for the axe and print views).
  cite.append(h("p", {}, citation(spec, `${location.origin}${location.pathname}#${spec.id}`)));
  return h("div", {class: "share"}, h("span", {}, "Ladda ner bild:"), svgButton, pngButton, linkButton, status, cite);
}
