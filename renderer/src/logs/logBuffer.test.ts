import { describe, expect, it } from 'vitest';
import { appendCapped, countAfter, lineMatcher, toEntries, type LogEntry } from './logBuffer';

const entries = (texts: string[], kind: LogEntry['kind'] = 'other', from = 0) =>
  toEntries(
    texts.map((text) => ({ text, instance: '1', kind })),
    from,
  );

describe('appendCapped', () => {
  it('keeps everything under the cap, and only the newest over it', () => {
    expect(appendCapped([1, 2], [3], 5)).toEqual([1, 2, 3]);
    expect(appendCapped([1, 2, 3, 4], [5, 6, 7], 5)).toEqual([3, 4, 5, 6, 7]);
    expect(appendCapped([1, 2], [3, 4, 5, 6, 7, 8], 5)).toEqual([4, 5, 6, 7, 8]);
  });
});

describe('lineMatcher', () => {
  it('matches text case-insensitively and, when kinds are chosen, only those kinds', () => {
    const lines = [
      ...entries(['Processed: App\\Jobs\\SendMail'], 'processed'),
      ...entries(['Failed: App\\Jobs\\SendMail'], 'failed', 1),
      ...entries(['PHP Warning: sendmail missing'], 'other', 2),
    ];
    const texts = (filter: Parameters<typeof lineMatcher>[0]) =>
      lines.filter(lineMatcher(filter)).map((line) => line.seq);
    expect(texts({ text: '', kinds: [] })).toEqual([0, 1, 2]);
    expect(texts({ text: ' SENDMAIL ', kinds: [] })).toEqual([0, 1, 2]);
    expect(texts({ text: '', kinds: ['failed'] })).toEqual([1]);
    expect(texts({ text: 'warning', kinds: ['processed', 'failed'] })).toEqual([]);
  });
});

describe('countAfter', () => {
  it('counts entries after a seq, with gaps from filtering', () => {
    const list = toEntries(
      [0, 1, 2, 3, 4].map((n) => ({ text: `${n}`, instance: '1', kind: 'other' as const })),
      10,
    ).filter((entry) => entry.seq % 2 === 0);
    expect(list.map((e) => e.seq)).toEqual([10, 12, 14]);
    expect(countAfter(list, 9)).toBe(3);
    expect(countAfter(list, 11)).toBe(2);
    expect(countAfter(list, 14)).toBe(0);
  });
});
