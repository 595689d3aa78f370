import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyedQueue';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedQueue', () => {
  it('runs tasks of one key one after another, in call order', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const runs = gates.map((gate, i) =>
      queue.run('site', async () => {
        log.push(`start ${i}`);
        await gate.promise;
        log.push(`end ${i}`);
        return i;
      }),
    );
    await tick();
    expect(log).toEqual(['start 0']);
    gates[2]!.resolve();
    gates[1]!.resolve();
    await tick();
    expect(log).toEqual(['start 0']);
    gates[0]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('runs different keys at the same time', async () => {
    const queue = new KeyedQueue();
    const gate = deferred();
    let otherRan = false;
    const blocked = queue.run('a', () => gate.promise);
    await queue.run('b', async () => {
      otherRan = true;
    });
    expect(otherRan).toBe(true);
    expect(queue.isBusy('a')).toBe(true);
    expect(queue.isBusy('b')).toBe(false);
    gate.resolve();
    await blocked;
  });

  it('passes a rejection to its caller and keeps going with the next task', async () => {
    const queue = new KeyedQueue();
    const failing = queue.run('a', async () => {
      throw new Error('boom');
    });
    const next = queue.run('a', async () => 'ok');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    // A synchronous throw inside the task is a rejection too, not a crash of the queue.
    const syncThrow = queue.run('a', () => {
      throw new Error('sync');
    });
    await expect(syncThrow).rejects.toThrow('sync');
    await expect(queue.run('a', async () => 1)).resolves.toBe(1);
  });

  it('is busy exactly while a key has queued or running work', async () => {
    const queue = new KeyedQueue();
    expect(queue.isBusy('a')).toBe(false);
    const first = deferred();
    const second = deferred();
    const p1 = queue.run('a', () => first.promise);
    const p2 = queue.run('a', () => second.promise);
    expect(queue.isBusy('a')).toBe(true);
    first.resolve();
    await p1;
    await tick();
    expect(queue.isBusy('a')).toBe(true);
    second.reject(new Error('x'));
    await expect(p2).rejects.toThrow('x');
    // Free as soon as the caller's await resumes, not some ticks later.
    expect(queue.isBusy('a')).toBe(false);
    await queue.run('a', async () => undefined);
    expect(queue.isBusy('a')).toBe(false);
  });

  it('never runs two tasks of a key at once under many random calls', async () => {
    const queue = new KeyedQueue();
    const active = new Map<string, number>();
    let maxSeen = 0;
    const order: Record<string, number[]> = {};
    const calls = Array.from({ length: 200 }, (_, i) => {
      const key = `k${i % 5}`;
      return queue.run(key, async () => {
        active.set(key, (active.get(key) ?? 0) + 1);
        maxSeen = Math.max(maxSeen, active.get(key)!);
        (order[key] ??= []).push(i);
        await new Promise((r) => setTimeout(r, Math.random() * 2));
        active.set(key, active.get(key)! - 1);
        if (i % 7 === 0) throw new Error(`fail ${i}`);
      });
    });
    const results = await Promise.allSettled(calls);
    expect(maxSeen).toBe(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(29);
    for (const [key, seen] of Object.entries(order)) {
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(queue.isBusy(key)).toBe(false);
    }
  });
});
