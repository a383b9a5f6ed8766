/** One benchmark figure as written to bench-results.json. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The budget from design §9 or the issue; null where there is none. */
  budget: number | null;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `work` `runs` times after `warmup` untimed runs; returns the median milliseconds. */
export async function medianMs(runs: number, work: () => unknown | Promise<unknown>, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
