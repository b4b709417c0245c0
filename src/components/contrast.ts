/** WCAG 2.1 contrast ratio of two CSS colours (#rgb, #rrggbb, rgb(), rgba() on white), for tests and palette checks. */

/** [r, g, b] in 0–255 from "#0072b2", "#fff", "rgb(0, 114, 178)" or "rgba(…, a)" (alpha composited on white). */
export function parseColour(c: string): [number, number, number] {
  const s = c.trim().toLowerCase();
  if (s === "white") return [255, 255, 255];
  if (s === "black") return [0, 0, 0];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((x) => x + x).join("") : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?\s*\)$/.exec(s);
  if (!m) throw new Error(`not a colour: ${c}`);
  const a = m[4] === undefined ? 1 : Number(m[4]);
  return [1, 2, 3].map((i) => Number(m[i]) * a + 255 * (1 - a)) as [number, number, number];
}

/** Relative luminance (WCAG 2.1). */
export function luminance(c: string): number {
  const [r, g, b] = parseColour(c).map((v) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio (1–21) between two colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
