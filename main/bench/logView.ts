// 7. Log view: 100 000 lines (and 50 000 past the view's cap) streamed into an open log view:
// memory must stay bounded and frames stay as short at the end as at the start.
import type { Page } from '@playwright/test';
import { median, round, type BenchResult, type Progress } from './benchmark';
import { rendererHarness } from './rendererHarness';

const LINES_PER_FRAME = 500;
const PHASES = [50_000, 50_000, 50_000];
const EDGE_FRAMES = 30;

const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
};

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

const notMeasurable = (why: string): BenchResult => ({
  id: 'log-view',
  title: 'Log view, 100 000 lines appended',
  figure: 'not yet measurable',
  target: 'bounded memory; flat frame time',
  met: null,
  details: {},
  note: why,
});

export async function logView(progress: Progress): Promise<BenchResult> {
  const harness = await rendererHarness(progress);
  const page = await harness.openPage(10);
  try {
    const button = page.getByRole('button', { name: 'Logs for site-0000' });
    if ((await button.count()) === 0) {
      return notMeasurable('the window has no log view yet (no "Logs for …" button on a row)');
    }
    await button.click();
    await page.waitForFunction(() => window.__bench.logFollowed);
    await page.getByRole('dialog').waitFor();
    const logRows = () => page.getByRole('dialog').getByRole('listitem').count();

    const heap = [await heapAfterGc(page)];
    const frames: number[][] = [];
    const rows: number[] = [];
    let appended = 0;
    for (const lines of PHASES) {
      frames.push(
        await page.evaluate(
          ([total, perFrame]) => window.__bench.streamLogLines(total!, perFrame!),
          [lines, LINES_PER_FRAME],
        ),
      );
      appended += lines;
      rows.push(await logRows());
      heap.push(await heapAfterGc(page));
      progress(
        `${appended} lines: heap ${round(heap.at(-1)! / 2 ** 20)} MB, ${rows.at(-1)} rows in the DOM`,
      );
    }
    const all = frames.flat();
    // The first frames also pay for the dialog opening: compare the steady ones after them.
    const firstFrames = all.slice(EDGE_FRAMES, 2 * EDGE_FRAMES);
    const lastOfCap = frames[1]!.slice(-EDGE_FRAMES);
    const lastFrames = all.slice(-EDGE_FRAMES);
    const [base, at50k, at100k, at150k] = heap.map((b) => b / 2 ** 20) as [
      number,
      number,
      number,
      number,
    ];
    const growthPastCap = at150k / at100k;
    const frameGrowth = p95(lastFrames) / p95(firstFrames);
    const bounded = growthPastCap <= 1.1 && Math.max(...rows) <= 200;
    const flat = frameGrowth <= 1.5;
    return {
      id: 'log-view',
      title: 'Log view, 100 000 lines appended',
      figure: `heap ×${round(growthPastCap, 2)} past the cap; frames ×${round(frameGrowth, 2)}`,
      target: 'bounded memory; flat frame time',
      met: bounded && flat,
      details: {
        heapBeforeMb: round(base, 1),
        heapAt50kMb: round(at50k, 1),
        heapAt100kMb: round(at100k, 1),
        heapAt150kMb: round(at150k, 1),
        heapGrowthPast100kCap: round(growthPastCap, 3),
        domRowsMax: Math.max(...rows),
        frameMsMedianFirst: round(median(firstFrames), 1),
        frameMsP95First: round(p95(firstFrames), 1),
        frameMsP95At100k: round(p95(lastOfCap), 1),
        frameMsP95Last: round(p95(lastFrames), 1),
        linesPerFrame: LINES_PER_FRAME,
      },
      note: "lines stream at 500 per frame (30 000/s); 150 000 in all, the last 50 000 past the view's 100 000-line cap",
    };
  } finally {
    await page.close();
  }
}
