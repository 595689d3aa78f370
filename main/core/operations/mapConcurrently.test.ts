import { describe, expect, it } from 'vitest';
import { mapConcurrently } from './mapConcurrently';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapConcurrently', () => {
  it('keeps the order of the items, whatever order the tasks finish in', async () => {
    const results = await mapConcurrently([30, 5, 20, 1], 4, async (ms, i) => {
      await pause(ms);
      return `${i}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1']);
  });

  it('never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    await mapConcurrently(
      Array.from({ length: 20 }, (_, i) => i),
      3,
      async () => {
        most = Math.max(most, ++running);
        await pause(2);
        running--;
      },
    );
    expect(most).toBe(3);
  });

  it('rejects with the first failure', async () => {
    await expect(
      mapConcurrently([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('two failed');
        return n;
      }),
    ).rejects.toThrow('two failed');
  });

  it('handles no items', async () => {
    expect(await mapConcurrently([], 4, async () => 1)).toEqual([]);
  });
});
