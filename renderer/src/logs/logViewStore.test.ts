import { beforeEach, describe, expect, it } from 'vitest';
import type { LogLine } from '../../../main/ipc/contract';
import { MAX_LOG_ENTRIES } from './logBuffer';
import { initialLogViewState, newLinesWhilePaused, useLogViewStore } from './logViewStore';

const store = () => useLogViewStore.getState();

function lines(count: number, from = 0, kind: LogLine['kind'] = 'other'): LogLine[] {
  return Array.from({ length: count }, (_, i) => ({
    text: `line ${from + i}`,
    instance: '1',
    kind,
  }));
}

beforeEach(() => {
  useLogViewStore.setState(initialLogViewState());
  store().open({ siteId: 'site0001', siteName: 'shop', workers: ['default'] });
  store().started({ lines: lines(3), files: ['/logs/a.log'], source: 'files', more: false });
});

describe('the log view’s lines', () => {
  it('keeps at most the newest 100 000 lines, however many arrive', () => {
    for (let batch = 0; batch < 15; batch++) store().receive(lines(10_000, 3 + batch * 10_000));
    expect(store().entries).toHaveLength(MAX_LOG_ENTRIES);
    expect(store().entries[0]!.text).toBe('line 50003');
    expect(store().entries.at(-1)!.text).toBe('line 150002');
    expect(store().shown).toHaveLength(MAX_LOG_ENTRIES);
    // The list is told how many rows left its front, to stay on the lines being read.
    expect(store().shownDropped).toBe(50_003);
    expect(store().more).toBe(true);
  });

  it('filters new lines as they arrive and drops filtered rows whose line was dropped', () => {
    store().toggleKind('failed');
    store().receive([...lines(2, 100, 'failed'), ...lines(5, 200, 'processed')]);
    expect(store().shown.map((e) => e.text)).toEqual(['line 100', 'line 101']);
    store().receive(lines(MAX_LOG_ENTRIES - 8, 300, 'processed'));
    // 3 + 7 + (cap - 8) lines: the oldest 2 went, neither of them a failed line.
    expect(store().shown.map((e) => e.text)).toEqual(['line 100', 'line 101']);
    // Two more push out the third line and the first failed one.
    store().receive(lines(2, 9_000_000, 'processed'));
    expect(store().shown.map((e) => e.text)).toEqual(['line 101']);
    expect(store().shownDropped).toBe(1);
  });

  it('counts lines that arrive while paused, and only those the filter shows', () => {
    store().pause();
    store().setFilterText('ok');
    store().receive([
      { text: 'ok 1', instance: '1', kind: 'other' },
      { text: 'nope', instance: '1', kind: 'other' },
      { text: 'ok 2', instance: '2', kind: 'other' },
    ]);
    expect(newLinesWhilePaused(store())).toBe(2);
    expect(store().multiInstance).toBe(true);
    store().follow();
    expect(newLinesWhilePaused(store())).toBe(0);
  });

  it('starts empty and following again for another worker', () => {
    store().pause();
    store().selectWorker('emails');
    expect(store().worker).toBe('emails');
    expect(store().entries).toEqual([]);
    expect(store().following).toBe(true);
    expect(store().phase).toBe('starting');
  });
});
