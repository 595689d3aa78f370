import { describe, expect, it } from 'vitest';
import { processLabel } from './processLabel';
import { formatDuration, uptimeText } from './uptime';

describe('formatDuration', () => {
  it('reads at a glance at every scale', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59_999)).toBe('59 s');
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(3 * 60_000 + 10_000)).toBe('3 min');
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 5 min');
    expect(formatDuration(3 * 86_400_000)).toBe('3 d');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h');
  });

  it('never goes negative when clocks disagree', () => {
    expect(formatDuration(-5_000)).toBe('0 s');
  });
});

describe('uptimeText', () => {
  it('counts from when systemd started the process', () => {
    const since = '2026-01-01T10:00:00.000Z';
    expect(uptimeText(since, Date.parse('2026-01-01T10:03:30.000Z'))).toBe('up 3 min');
  });
});

describe('processLabel', () => {
  it('names the process by its instance number', () => {
    expect(processLabel('servermark-queue-shop_k3j9x2ab_default@2.service')).toBe('Process 2');
    expect(processLabel('something-else.service')).toBe('something-else.service');
  });
});
