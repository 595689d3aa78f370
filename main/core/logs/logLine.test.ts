import { describe, expect, it } from 'vitest';
import { parseLogLine, stripAnsi } from './logLine';

describe('parseLogLine', () => {
  it.each([
    ['[2026-12-04 20:07:00][42] Processing: App\\Jobs\\FixtureJob', 'processing'],
    ['[2026-12-04 20:07:00][42] Processed:  App\\Jobs\\FixtureJob', 'processed'],
    ['[2026-12-04 20:07:00][42] Failed:     App\\Jobs\\FixtureJob', 'failed'],
    ['[2026-12-04 20:07:00][9f1c-uuid] Processing: App\\Jobs\\X', 'processing'],
  ] as const)('reads Laravel 8 %j as %s, with its time', (text, kind) => {
    expect(parseLogLine(text, '2')).toEqual({
      text,
      instance: '2',
      at: '2026-12-04T20:07:00',
      kind,
    });
  });

  it.each([
    [
      '  2026-12-04 20:07:00 App\\Jobs\\SendMail ........................ 12.34ms DONE',
      'processed',
    ],
    ['  2026-12-04 20:07:00 App\\Jobs\\SendMail ........................ 1s FAIL', 'failed'],
    ['  2026-12-04 20:07:00 App\\Jobs\\SendMail ....................... RUNNING', 'processing'],
  ] as const)('reads Laravel 9+ %j as %s', (text, kind) => {
    expect(parseLogLine(text, '1')).toMatchObject({ at: '2026-12-04T20:07:00', kind });
  });

  it('reads queue:work --json lines by their status', () => {
    const line = (status: string) =>
      JSON.stringify({
        level: 'info',
        id: '7',
        job: 'App\\Jobs\\X',
        status,
        timestamp: '2026-12-04T20:07:00.123456+01:00',
      });
    expect(parseLogLine(line('starting'), '1')).toMatchObject({
      kind: 'processing',
      at: '2026-12-04T19:07:00.123Z',
    });
    expect(parseLogLine(line('success'), '1').kind).toBe('processed');
    expect(parseLogLine(line('failed'), '1').kind).toBe('failed');
    expect(parseLogLine(line('released_after_exception'), '1').kind).toBe('failed');
    expect(parseLogLine(line('something-new'), '1')).toEqual({
      text: line('something-new'),
      instance: '1',
      kind: 'other',
    });
    expect(parseLogLine('{not json}', '1').kind).toBe('other');
  });

  it('reads our own marker lines, with their UTC time', () => {
    expect(
      parseLogLine('[ServerMark] 2026-12-04T20:07:00Z process 1 starting: php artisan', '1'),
    ).toEqual({
      text: '[ServerMark] 2026-12-04T20:07:00Z process 1 starting: php artisan',
      instance: '1',
      at: '2026-12-04T20:07:00Z',
      kind: 'servermark',
    });
    // `date` missing on the machine: still ours, just without a time.
    expect(parseLogLine('[ServerMark] - process 1 starting: x', '1')).toEqual({
      text: '[ServerMark] - process 1 starting: x',
      instance: '1',
      kind: 'servermark',
    });
  });

  it('leaves everything else as other, without a time', () => {
    for (const text of [
      '',
      'PHP Fatal error:  Uncaught Error in /srv/app/artisan:18',
      'Processing: looks like it but is not Laravel',
      '[2026-12-04 20:07:00] local.ERROR: something',
      '[2026-12-04 20:07:00][1] Processingx: nope',
    ]) {
      expect(parseLogLine(text, '1')).toEqual({ text, instance: '1', kind: 'other' });
    }
  });

  it('removes terminal colours before reading the line', () => {
    const coloured =
      '\u001b[33m[2026-12-04 20:07:00][1] Processing:\u001b[39m App\\Jobs\\X\u001b]8;;http://x\u0007';
    expect(parseLogLine(coloured, '1')).toEqual({
      text: '[2026-12-04 20:07:00][1] Processing: App\\Jobs\\X',
      instance: '1',
      at: '2026-12-04T20:07:00',
      kind: 'processing',
    });
    expect(stripAnsi('plain')).toBe('plain');
  });
});
