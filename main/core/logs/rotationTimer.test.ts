import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLogRotation } from './rotationTimer';

afterEach(() => {
  vi.useRealTimers();
});

describe('startLogRotation', () => {
  it('rotates at once and then every interval, until stopped', async () => {
    vi.useFakeTimers();
    const rotate = vi.fn(async () => []);
    const stop = startLogRotation(rotate, () => undefined, 1000);
    expect(rotate).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(rotate).toHaveBeenCalledTimes(4);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(rotate).toHaveBeenCalledTimes(4);
  });

  it('reports a failure and tries again on the next tick', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const rotate = vi
      .fn<() => Promise<unknown>>()
      .mockRejectedValueOnce(new Error('EACCES'))
      .mockResolvedValue([]);
    const stop = startLogRotation(rotate, (error) => errors.push(error), 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toEqual([new Error('EACCES')]);
    expect(rotate).toHaveBeenCalledTimes(2);
    stop();
  });

  it('never runs two rotations at once when one is slow', async () => {
    vi.useFakeTimers();
    let finish!: () => void;
    const rotate = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const stop = startLogRotation(rotate, () => undefined, 1000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(rotate).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(rotate).toHaveBeenCalledTimes(2);
    stop();
  });
});
