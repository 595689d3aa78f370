// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogLine, LogLinesMessage } from '../../../main/ipc/contract';
import { createFakeApi, failure, ok, siteStatus } from '../testing/fakeServerMarkApi';
import { renderApp, teardownApp } from '../testing/renderApp';
import { initialLogViewState, useLogViewStore } from './logViewStore';

const SITE = 'site0001';
const FOLLOW_ID = '6f1c2a8e-0d7b-4c55-9a55-2b1f0c3d4e5f';
const FILE = '/home/dev/.local/state/servermark/logs/servermark-queue-shop_site0001_default@1.log';
const KINDS: LogLine['kind'][] = ['processing', 'processed', 'other', 'failed', 'servermark'];

const text = (n: number) => lines(1, n)[0]!.text;

/** Line n says what it is: "line n <kind>", with an invoice job every tenth line. */
function lines(count: number, from = 0): LogLine[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const kind = KINDS[n % KINDS.length]!;
    const job = n % 10 === 0 ? 'App\\Jobs\\GenerateInvoice' : 'App\\Jobs\\SendMail';
    return { text: `line ${n} ${kind} ${job}`, instance: '1', kind };
  });
}

let clipboardWrite: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;

beforeEach(() => {
  useLogViewStore.setState(initialLogViewState());
  clipboardWrite = vi.fn<(text: string) => Promise<void>>(async () => undefined);
});
afterEach(teardownApp);

function setup(initial: LogLine[]) {
  const fake = createFakeApi([siteStatus({ site: SITE, name: 'shop', state: 'running' })]);
  const listeners = new Set<(message: LogLinesMessage) => void>();
  fake.api.onLogLines.mockImplementation((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  });
  fake.api.followLog.mockResolvedValue(
    ok({ followId: FOLLOW_ID, lines: initial, files: [FILE], source: 'files', more: false }),
  );
  fake.api.unfollowLog.mockResolvedValue(ok(true));
  fake.api.openLog.mockResolvedValue(ok({ opened: FILE }));
  renderApp(fake);
  const push = (batch: LogLine[], followId = FOLLOW_ID) =>
    act(() => listeners.forEach((listener) => listener({ followId, lines: batch })));
  return { fake, push, listeners };
}

async function openLogs() {
  const row = await screen.findByRole('listitem', { name: 'shop' });
  await userEvent.click(within(row).getByRole('button', { name: 'Logs for shop' }));
  const dialog = await screen.findByRole('dialog', { name: 'Logs · shop' });
  const list = await within(dialog).findByRole('list');
  return { dialog, d: within(dialog), list };
}

const rowTexts = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.log-line__text')?.textContent);

describe('Log view', () => {
  it('renders only a window of rows for 100 000 lines, the newest while following', async () => {
    const { fake } = setup(lines(100_000));
    const { list, d } = await openLogs();
    expect(fake.api.followLog).toHaveBeenCalledWith(SITE, 'default', 5000);
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(80);
    expect(rows.at(-1)!.getAttribute('aria-posinset')).toBe('100000');
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('100000');
    expect(rowTexts(list).at(-1)).toBe('line 99999 servermark App\\Jobs\\SendMail');
    expect(d.getByTestId('log-count').textContent).toBe('100,000 lines');
    // Each line says its kind in words, not only in colour.
    const failedRow = rows.find((row) => row.classList.contains('log-line--failed'))!;
    expect(failedRow.querySelector('.log-line__kind')?.textContent).toBe('Failed');
  });

  it('follows new lines live; paused, it stays put and counts what arrived', async () => {
    const { push } = setup(lines(1000));
    const { list, d } = await openLogs();
    push(lines(5, 1000));
    expect(rowTexts(list).at(-1)).toBe(text(1004));

    const windowAt = () => list.style.transform;
    const before = { rows: rowTexts(list), at: windowAt() };
    expect(before.at).not.toBe('translateY(0px)');

    await userEvent.click(d.getByRole('button', { name: 'Pause' }));
    expect(d.getByText('Paused')).toBeTruthy();
    push(lines(3, 1005));
    // The same rows at the same place; the new ones only join the few rendered below the view.
    expect(windowAt()).toBe(before.at);
    expect(rowTexts(list).slice(0, before.rows.length)).toEqual(before.rows);
    const newLines = d.getByRole('button', { name: '3 new lines' });
    expect(d.getByTestId('log-count').textContent).toBe('1,008 lines');

    await userEvent.click(newLines);
    expect(rowTexts(list).at(-1)).toBe(text(1007));
    expect(d.queryByRole('button', { name: /new line/ })).toBeNull();
    expect(d.getByRole('button', { name: 'Pause' })).toBeTruthy();
  });

  it('ignores lines of another follow', async () => {
    const { push } = setup(lines(10));
    const { list } = await openLogs();
    push(lines(1, 500), '0b3c2a8e-0d7b-4c55-9a55-2b1f0c3d4e5f');
    expect(rowTexts(list).at(-1)).toBe('line 9 servermark App\\Jobs\\SendMail');
  });

  it('filters by text and by kind, also the lines that arrive afterwards', async () => {
    const { push } = setup(lines(100_000));
    const { list, d } = await openLogs();
    await userEvent.type(d.getByRole('searchbox', { name: 'Filter lines' }), 'invoice');
    expect(rowTexts(list).every((text) => text?.includes('GenerateInvoice'))).toBe(true);
    expect(d.getByTestId('log-count').textContent).toBe('10,000 of 100,000 lines match');

    await userEvent.click(d.getByRole('button', { name: 'Processing' }));
    expect(d.getByRole('button', { name: 'Processing' }).getAttribute('aria-pressed')).toBe('true');
    // Every tenth line is an invoice and every fifth is "processing": lines 0, 10, 20… both.
    expect(rowTexts(list).every((text) => /^line \d*0 processing /.test(text ?? ''))).toBe(true);
    expect(d.getByTestId('log-count').textContent).toBe('10,000 of 100,000 lines match');

    push(lines(20, 100_000));
    expect(rowTexts(list).at(-1)).toBe('line 100010 processing App\\Jobs\\GenerateInvoice');

    await userEvent.type(d.getByRole('searchbox', { name: 'Filter lines' }), ' nothing like this');
    expect(d.getByText('No line matches the filter.')).toBeTruthy();
    await userEvent.click(d.getByRole('button', { name: 'Show every line' }));
    expect(d.getByTestId('log-count').textContent).toBe(
      '100,000 lines (the newest 100,000; older ones are in the file)',
    );
  });

  it('unfollows in main when the view closes', async () => {
    const { fake, listeners } = setup(lines(10));
    const { d } = await openLogs();
    expect(listeners.size).toBe(1);
    await userEvent.click(d.getByRole('button', { name: 'Close logs' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.api.unfollowLog).toHaveBeenCalledWith(FOLLOW_ID);
    expect(listeners.size).toBe(0);
    // Focus goes back to the button that opened the view.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Logs for shop' }));
  });

  it('unfollows a follow that main started after the view had already closed', async () => {
    const { fake } = setup(lines(10));
    let answer!: (value: Awaited<ReturnType<typeof fake.api.followLog>>) => void;
    fake.api.followLog.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const row = await screen.findByRole('listitem', { name: 'shop' });
    await userEvent.click(within(row).getByRole('button', { name: 'Logs for shop' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Close logs' }));
    expect(fake.api.unfollowLog).not.toHaveBeenCalled();
    await act(async () =>
      answer(ok({ followId: FOLLOW_ID, lines: [], files: [], source: 'files', more: false })),
    );
    expect(fake.api.unfollowLog).toHaveBeenCalledWith(FOLLOW_ID);
  });

  it('copies every shown line, and says so when the clipboard refuses', async () => {
    setup(lines(100_000));
    const { d } = await openLogs();
    await userEvent.type(d.getByRole('searchbox', { name: 'Filter lines' }), 'line 9999');
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: clipboardWrite },
      configurable: true,
    });
    fireEvent.click(d.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(clipboardWrite).toHaveBeenCalledTimes(1));
    expect(clipboardWrite.mock.calls[0]![0].split('\n')).toEqual([
      text(9999),
      ...Array.from({ length: 10 }, (_, i) => text(99_990 + i)),
    ]);
    await waitFor(() => expect(d.getByRole('status').textContent).toBe('Copied 11 lines.'));

    clipboardWrite.mockRejectedValueOnce(new DOMException('Write permission denied.'));
    fireEvent.click(d.getByRole('button', { name: 'Copy' }));
    const alert = await d.findByRole('alert');
    expect(alert.textContent).toContain('Nothing was copied');
    expect(alert.textContent).toContain('Write permission denied.');
  });

  it('opens the file with the desktop’s app, and shows why when it cannot', async () => {
    const { fake } = setup(lines(10));
    const { d } = await openLogs();
    await userEvent.click(d.getByRole('button', { name: 'Open file' }));
    expect(fake.api.openLog).toHaveBeenCalledWith(SITE, 'default');
    await waitFor(() =>
      expect(d.getByRole('status').textContent).toBe(`Opened ${FILE} in your default app.`),
    );

    fake.api.openLog.mockResolvedValueOnce(
      failure({ code: 'LOG_NOT_FOUND', message: 'This worker has not written a log yet.' }),
    );
    await userEvent.click(d.getByRole('button', { name: 'Open file' }));
    expect((await d.findByRole('alert')).textContent).toContain(
      'This worker has not written a log yet.',
    );
  });

  it('says when the log cannot be read, and tries again on Retry', async () => {
    const { fake } = setup(lines(3));
    fake.api.followLog.mockResolvedValueOnce(
      failure({
        code: 'BUSY',
        message: '32 logs are already being followed: close a log view first.',
      }),
    );
    const row = await screen.findByRole('listitem', { name: 'shop' });
    await userEvent.click(within(row).getByRole('button', { name: 'Logs for shop' }));
    const dialog = await screen.findByRole('dialog', { name: 'Logs · shop' });
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'close a log view first',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Retry' }));
    expect(await within(dialog).findByText('line 2 other App\\Jobs\\SendMail')).toBeTruthy();
  });
});
