/** A tiny DOM builder for the pages (instead of htl's `html`, which Framework would fetch from a CDN). */

type Child = Node | string | number | null | undefined | false | readonly Child[];

/** h("a", {href: "x", class: "y"}, "text", child) → element; null/false children are skipped. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | null | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el: Element, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(typeof c === "number" ? String(c) : (c as Node | string));
  }
}

/**
 * Resolves once the browser could paint what is displayed so far, so a long page shows its top before it builds the
 * rest (a municipality page's 56 small charts took ~0,5 s before anything was drawn). At most 50 ms in a background
 * tab, where animation frames wait.
 */
export function afterPaint(): Promise<void> {
  return new Promise((ok) => {
    const fallback = setTimeout(ok, 50);
    requestAnimationFrame(() => setTimeout(() => {
      clearTimeout(fallback);
      ok();
    }, 0));
  });
}
