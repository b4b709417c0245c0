/**
 * The trend statistic recomputed in plain TypeScript (independent of the SQL in indicators/sql-derive/summary.sql):
 * least squares, the slope's standard error, t and the 95 % interval. Used by the real-data test to check every
 * published improving/worsening row, and by the site fixture generator.
 */

export interface Fit {
  n: number;
  slope: number;
  se: number;
  t: number | null;
  mean: number;
}

/** Ordinary least squares of y on x with the slope's standard error (n − 2 degrees of freedom). */
export function fitLine(points: readonly [number, number][]): Fit {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  let sxx = 0, sxy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
  }
  const slope = sxy / sxx;
  const sse = points.reduce((s, [x, y]) => s + (y - (my + slope * (x - mx))) ** 2, 0);
  const se = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : NaN;
  return {n, slope, se, t: se > 0 ? slope / se : null, mean: my};
}

/** Density of Student's t with df degrees of freedom. */
function tDensity(x: number, df: number): number {
  const lg = (z: number) => logGamma(z);
  return Math.exp(lg((df + 1) / 2) - lg(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log(1 + (x * x) / df));
}

/** Lanczos approximation of log Γ(z), z > 0. */
function logGamma(z: number): number {
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  z -= 1;
  let x = c[0]!;
  for (let i = 1; i < g + 2; i++) x += c[i]! / (z + i);
  const t = z + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
}

/** P(T ≤ x) for x ≥ 0 by Simpson's rule on the density (accurate to ~1e-7 for the df used here). */
export function tCdf(x: number, df: number): number {
  const steps = 4000;
  const h = x / steps;
  let s = tDensity(0, df) + tDensity(x, df);
  for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * tDensity(i * h, df);
  return 0.5 + (s * h) / 3;
}

/** t(0.975; df) found by bisection on tCdf: independent of the table in indicators/compute.ts. */
export function tQuantile975(df: number): number {
  let lo = 1, hi = 20;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < 0.975) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
