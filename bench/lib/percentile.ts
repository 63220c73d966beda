/** The q-quantile of the samples (nearest rank, from below): pct(xs, 0.95) is the p95 every bench reports. */
export const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]
