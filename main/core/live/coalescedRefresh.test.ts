import { expect, it } from 'vitest';
import { coalescedRefresh } from './coalescedRefresh';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('never overlaps runs, and requests during a run make exactly one more', async () => {
  let active = 0;
  let maxActive = 0;
  let runs = 0;
  const refresher = coalescedRefresh(async () => {
    active++;
    maxActive = Math.max(maxActive, active);
    runs++;
    await tick(20);
    active--;
  }, 5);
  const first = refresher.refresh();
  void refresher.refresh();
  void refresher.refresh();
  await first;
  expect(runs).toBe(2);
  expect(maxActive).toBe(1);
});

it('turns a burst of scheduled requests into one run, and none after stop', async () => {
  let runs = 0;
  const refresher = coalescedRefresh(async () => void runs++, 10);
  for (let i = 0; i < 12; i++) refresher.schedule();
  await tick(40);
  expect(runs).toBe(1);
  refresher.schedule();
  refresher.stop();
  await tick(40);
  expect(runs).toBe(1);
});
