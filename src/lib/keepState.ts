/**
 * Links keep the state: a link to another page of the site carries the chosen municipality (and on indicator pages
 * sex and years) when the target page reads them. Framework renders the sidebar as static HTML, so a small script
 * in <head> (KEEP_STATE_SCRIPT, from config `head`) rewrites every same-site link just before it is used (click,
 * keyboard, hover, focus, context menu), from the address bar at that moment (pages write their state there with
 * history.replaceState). `withState` is self-contained: its source is inlined into the page.
 */

/**
 * `href` with the state of `current` added where the target understands it; a parameter the link already has wins.
 * Returns null when nothing changes (other host, a file, a pure #hash, a page with no state).
 */
export function withState(href: string, current: string): string | null {
  const here = new URL(current);
  const to = new URL(href, current);
  if (to.origin !== here.origin || /\.[a-z0-9]+$/i.test(to.pathname) && !to.pathname.endsWith(".html")) return null;
  if (to.pathname === here.pathname && to.search === here.search && to.hash) return null;
  const path = to.pathname.replace(/\.html$/, "").replace(/\/index$/, "/");
  const keys = /\/indicators\/[^/]+$/.test(path) ? ["kommun", "kon", "fran", "till"]
    : /\/goals\/[^/]+$/.test(path) || /\/karta$/.test(path) || path === "/" ? ["kommun"] : [];
  if (keys.length === 0) return null;
  const state = new URLSearchParams(here.search);
  const muniPath = /\/kommuner\/(\d{4})(\.html)?$/.exec(here.pathname);
  if (muniPath && !state.has("kommun")) state.set("kommun", muniPath[1]!);
  let changed = false;
  for (const k of keys) {
    const v = state.get(k);
    if (v === null || to.searchParams.has(k)) continue;
    to.searchParams.set(k, v);
    changed = true;
  }
  return changed ? to.pathname + to.search.replaceAll("%2C", ",") + to.hash : null;
}

/** The inline script: on use of a link, rewrite its href with withState. */
export const KEEP_STATE_SCRIPT = `<script>{const withState=${withState.toString()};const fix=(e)=>{const a=e.target instanceof Element&&e.target.closest("a[href]");if(!a||a.hasAttribute("download"))return;const n=withState(a.getAttribute("href"),location.href);if(n)a.setAttribute("href",n);};for(const t of ["click","auxclick","mouseover","focusin","contextmenu","touchstart"])addEventListener(t,fix,{capture:true,passive:true});}</script>`;
