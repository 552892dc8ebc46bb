/**
 * Confidence intervals for the report: Wilson's score interval for pass rates, and a percentile bootstrap with
 * a fixed seed for statistics that are not proportions (BBQ bias scores, partisan balance), so the same results
 * always give the same interval.
 */

export type Interval = { low: number; high: number; method: 'wilson' | 'bootstrap' };

/** z for a two-sided 95 % interval. */
export const z95 = 1.959964;

/** Wilson (1927) score interval; with no observations it is the whole range. */
export function wilsonInterval(successes: number, n: number, z = z95): Interval {
  if (n === 0) return { low: 0, high: 1, method: 'wilson' };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half), method: 'wilson' };
}

/** mulberry32: a tiny seeded generator; Math.random cannot be seeded. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type BootstrapOptions = { resamples?: number; seed?: number };
export const defaultBootstrap = { resamples: 2000, seed: 20220522 } as const;

function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/**
 * Percentile bootstrap, 95 %. Each stratum is resampled on its own (e.g. the statements of each political side),
 * so a resample keeps the design of the suite.
 */
export function bootstrapInterval<T>(
  strata: readonly (readonly T[])[],
  statistic: (strata: T[][]) => number,
  options: BootstrapOptions = {},
): Interval {
  const { resamples, seed } = { ...defaultBootstrap, ...options };
  const random = seededRandom(seed);
  const values: number[] = [];
  for (let round = 0; round < resamples; round++) {
    const resampled = strata.map((stratum) =>
      stratum.map(() => stratum[Math.floor(random() * stratum.length)]!),
    );
    values.push(statistic(resampled));
  }
  values.sort((a, b) => a - b);
  return { low: quantile(values, 0.025), high: quantile(values, 0.975), method: 'bootstrap' };
}
