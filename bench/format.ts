/** What every bench section shares: the median, and one row beside its same-run baseline. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * One figure beside its baseline and their ratio. The ratio keeps two significant digits: some are
 * far below what two decimals can show (routing at 10,000 rules against a scan).
 */
export function row(
  name: string,
  value: number,
  baselineName: string,
  baseline: number,
  target?: string,
  unit: 'ms' | 'µs' = 'ms',
) {
  const ratio = (value / baseline).toPrecision(2);
  console.log(
    `${name.padEnd(44)} ${value.toFixed(3).padStart(9)} ${unit}   ${baselineName.padEnd(34)} ${baseline.toFixed(3).padStart(9)} ${unit}   ×${ratio}${target ? `   target ${target}` : ''}`,
  );
}
