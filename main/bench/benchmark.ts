// What every benchmark hands back, and the few numbers helpers they share.

export interface BenchResult {
  id: string;
  title: string;
  /** The headline figure, e.g. "118× faster". */
  figure: string;
  target: string;
  /** null: not measurable yet (said why in `note`). */
  met: boolean | null;
  /** The medians and counts behind the figure, for --json and the docs. */
  details: Record<string, number | string | boolean>;
  note?: string;
}

export type Progress = (message: string) => void;

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Milliseconds `task` took. */
export async function timeMs(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const round = (value: number, digits = 1): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
