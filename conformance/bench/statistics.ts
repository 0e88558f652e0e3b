/** Small summaries of repeated timings. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Million gas per second, from gas and milliseconds. */
export function mgasPerSecond(gas: bigint, milliseconds: number): number {
  return Number(gas) / milliseconds / 1000;
}

/** The geometric mean, the fair average of ratios such as speed-ups. */
export function geometricMean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("geometric mean of no values");
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}
