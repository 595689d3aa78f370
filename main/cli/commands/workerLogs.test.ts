import { describe, expect, it } from 'vitest';
import { ServerMarkError } from '../../core/errors/serverMarkError';
import type { LogLine } from '../../core/logs/logLine';
import { runCli } from '../testKit/captureIo';
import { createFakeCore, fakeSite } from '../testKit/fakeCore';

const line = (text: string, kind: LogLine['kind'] = 'other', instance = '1'): LogLine => ({
  text,
  instance,
  kind,
});

function coreWithLog(lines: LogLine[]) {
  const core = createFakeCore([fakeSite()]);
  core.logs.lines = lines;
  return core;
}

describe('servermark worker logs', () => {
  it('prints the newest 100 lines of the default worker by default', async () => {
    const lines = Array.from({ length: 150 }, (_, i) => line(`line ${i}`));
    const core = coreWithLog(lines);
    const result = await runCli(['worker', 'logs', 'shop'], { core });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      lines
        .slice(-100)
        .map((l) => `${l.text}\n`)
        .join(''),
    );
    expect(core.logs.requests).toEqual([
      { call: 'read', site: 'shop', request: { worker: undefined, lines: 100 } },
    ]);
  });

  it('takes -n, --lines and --worker', async () => {
    const core = coreWithLog([line('a'), line('b'), line('c')]);
    expect((await runCli(['worker', 'logs', 'shop', '-n', '2'], { core })).stdout).toBe('b\nc\n');
    expect((await runCli(['worker', 'logs', 'shop', '--lines=0'], { core })).stdout).toBe('');
    await runCli(['worker', 'logs', 'shop', '--worker', 'emails', '-n', '1'], { core });
    expect(core.logs.requests.at(-1)?.request).toEqual({ worker: 'emails', lines: 1 });
  });

  it.each([['-1'], ['x'], ['1.5'], ['100001'], ['']])(
    'refuses -n %j as a usage error, without reading',
    async (value) => {
      const core = coreWithLog([]);
      const result = await runCli(['worker', 'logs', 'shop', `--lines=${value}`], { core });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('-n must be a whole number from 0 to 100000');
      expect(result.stderr).toContain('Usage: servermark worker logs <site>');
      expect(core.logs.requests).toEqual([]);
    },
  );

  it('prints one JSON object per line with --json', async () => {
    const lines = [
      {
        text: '[2026-12-04 20:07:00][1] Processed:  App\\Jobs\\X',
        instance: '1',
        at: '2026-12-04T20:07:00',
        kind: 'processed' as const,
      },
      line('plain'),
    ];
    const result = await runCli(['worker', 'logs', 'shop', '--json'], { core: coreWithLog(lines) });
    expect(
      result.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(lines);
  });

  it('shows which process wrote each line when the worker has several', async () => {
    const core = coreWithLog([line('one', 'other', '1'), line('two', 'other', '2')]);
    core.logs.files = ['/logs/x@1.log', '/logs/x@2.log'];
    expect((await runCli(['worker', 'logs', 'shop'], { core })).stdout).toBe('[1] one\n[2] two\n');
  });

  it('colours by kind on a terminal and never lets a line drive the terminal', async () => {
    const core = coreWithLog([
      line('done', 'processed'),
      line('boom', 'failed'),
      line('evil \u001b]0;title\u0007 \tend'),
    ]);
    const result = await runCli(['worker', 'logs', 'shop'], { core, tty: true });
    expect(result.stdout).toBe(
      '\u001b[32mdone\u001b[0m\n\u001b[31mboom\u001b[0m\nevil \\x1b]0;title\\x07     end\n',
    );
  });

  it('-f prints the newest lines, then new ones until interrupted, and stops following', async () => {
    const core = coreWithLog([line('old 1'), line('old 2')]);
    let interrupt!: () => void;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    const run = runCli(['worker', 'logs', 'shop', '-f', '-n', '1'], { core, interrupted });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(core.logs.following).toBe(true);
    core.logs.append([line('new 1'), line('new 2', 'processed')]);
    interrupt();
    const result = await run;
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: 'old 2\nnew 1\nnew 2\n' });
    expect(core.logs.following).toBe(false);
    expect(core.logs.requests).toEqual([
      { call: 'follow', site: 'shop', request: { worker: undefined, lines: 1 } },
    ]);
  });

  it('reports a core error (unknown worker) with exit 1', async () => {
    const core = coreWithLog([]);
    core.logs.read = async () => {
      throw new ServerMarkError('WORKER_NOT_FOUND', 'shop has no worker named "x".');
    };
    const result = await runCli(['worker', 'logs', 'shop', '--worker', 'x', '--json'], { core });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stderr)).toEqual({
      error: { code: 'WORKER_NOT_FOUND', message: 'shop has no worker named "x".' },
    });
  });
});
