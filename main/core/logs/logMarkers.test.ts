import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parseLogLine } from './logLine';
import { logMarkerDirectives } from './logMarkers';

/**
 * Splits an Exec line's value the way systemd does for what we write: bare words, or "…"
 * with \\ \" \xNN escapes; then %i → the instance, %% → %, $$ → $ (systemd.syntax(7)).
 */
function decodeExec(value: string, instance: string): { ignoreFailure: boolean; argv: string[] } {
  const words: string[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] === ' ') {
      i++;
      continue;
    }
    let word = '';
    if (value[i] === '"') {
      i++;
      while (value[i] !== '"') {
        if (i >= value.length) throw new Error(`unterminated quote in ${value}`);
        if (value[i] === '\\') {
          const next = value[i + 1];
          if (next === 'x') {
            word += String.fromCharCode(parseInt(value.slice(i + 2, i + 4), 16));
            i += 4;
          } else if (next === '\\' || next === '"') {
            word += next;
            i += 2;
          } else throw new Error(`unexpected escape in ${value}`);
        } else word += value[i++];
      }
      i++;
    } else {
      while (i < value.length && value[i] !== ' ') word += value[i++];
    }
    words.push(
      word.replace(/%(.)|\$\$/g, (match, spec: string | undefined) => {
        if (match === '$$') return '$';
        if (spec === '%') return '%';
        if (spec === 'i') return instance;
        throw new Error(`specifier %${spec} would be expanded in ${value}`);
      }),
    );
  }
  expect(value).not.toMatch(/(^|[^$])\$(?!\$)/); // Every $ is doubled: systemd expands none.
  const [first, ...rest] = words;
  return { ignoreFailure: first!.startsWith('-'), argv: [first!.replace(/^-/, ''), ...rest] };
}

const HOSTILE = `a'b"c $HOME \${HOME} %h \`id\` $(id) ünï`;

function directives(command = ['/usr/bin/php8.2', 'artisan', 'queue:work', `--queue=${HOSTILE}`]) {
  const lines = logMarkerDirectives({ command, stopWaitSeconds: 70 });
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line]));
}

/** Runs one directive as systemd would for instance 3, with the variables systemd sets. */
async function run(line: string, env: Record<string, string> = {}): Promise<string> {
  const { ignoreFailure, argv } = decodeExec(line.slice(line.indexOf('=') + 1), '3');
  expect(ignoreFailure).toBe(true); // A marker that fails must never fail the worker.
  const result = await execa(argv[0]!, argv.slice(1), {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...env },
    extendEnv: false,
    reject: false,
  });
  expect(result).toMatchObject({ exitCode: 0, stderr: '' });
  return result.stdout;
}

const TIME = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ';

describe('logMarkerDirectives', () => {
  it('writes ExecStartPre, ExecStop and ExecStopPost, each failure-tolerant', () => {
    expect(Object.keys(directives())).toEqual(['ExecStartPre', 'ExecStop', 'ExecStopPost']);
  });

  it('logs the start with the command, every hostile character literal', async () => {
    const out = await run(directives().ExecStartPre!);
    expect(out).toMatch(new RegExp(`^\\[ServerMark\\] ${TIME} process 3 starting: `));
    // Shell-quoted for reading: the one argument stays one word.
    expect(out.slice(out.indexOf('starting: ') + 10)).toBe(
      `/usr/bin/php8.2 artisan queue:work '--queue=a'\\''b"c $HOME \${HOME} %h \`id\` $(id) ünï'`,
    );
    expect(parseLogLine(out, '3')).toMatchObject({ kind: 'servermark', at: expect.any(String) });
  });

  it('keeps the start line on one line whatever the command holds', async () => {
    const out = await run(directives(['/usr/bin/php', 'artisan', 'x\ny\r\tz']).ExecStartPre!);
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toMatch(/starting: \/usr\/bin\/php artisan 'x y z'$/);
  });

  it('logs a requested stop (MAINPID set) and stays silent when the process already ended', async () => {
    const stop = directives().ExecStop!;
    expect(await run(stop, { MAINPID: '4242' })).toMatch(
      new RegExp(
        `^\\[ServerMark\\] ${TIME} process 3 stopping: SIGTERM, the current job may finish first \\(up to 70 s\\)$`,
      ),
    );
    expect(await run(stop)).toBe('');
  });

  it.each([
    [
      { EXIT_CODE: 'exited', EXIT_STATUS: '0', SERVICE_RESULT: 'success' },
      'exited normally (status 0) (systemd result: success)',
    ],
    [
      { EXIT_CODE: 'exited', EXIT_STATUS: '12', SERVICE_RESULT: 'exit-code' },
      'exited with status 12: it reached its memory limit (--memory) (systemd result: exit-code)',
    ],
    [
      { EXIT_CODE: 'exited', EXIT_STATUS: '255', SERVICE_RESULT: 'exit-code' },
      'exited with status 255 (systemd result: exit-code)',
    ],
    [
      { EXIT_CODE: 'exited', EXIT_STATUS: '203', SERVICE_RESULT: 'exit-code' },
      'could not start: the PHP binary is missing or not executable (status 203) (systemd result: exit-code)',
    ],
    [
      { EXIT_CODE: 'killed', EXIT_STATUS: 'KILL', SERVICE_RESULT: 'signal' },
      'was killed by signal SIGKILL (systemd result: signal)',
    ],
    [
      { EXIT_CODE: 'dumped', EXIT_STATUS: 'SEGV', SERVICE_RESULT: 'core-dump' },
      'crashed with signal SIGSEGV (core dumped) (systemd result: core-dump)',
    ],
    [{}, 'stopped (systemd result: unknown)'],
  ])('logs how the process ended: %j', async (env, sentence) => {
    const out = await run(directives().ExecStopPost!, env);
    expect(out).toMatch(new RegExp(`^\\[ServerMark\\] ${TIME} process 3 `));
    expect(out.slice(out.indexOf(' process 3 ') + 11)).toBe(sentence);
  });

  it('finds date even when the worker sets a PATH without it', async () => {
    const { argv } = decodeExec(directives().ExecStopPost!.slice('ExecStopPost='.length), '1');
    const result = await execa(argv[0]!, argv.slice(1), {
      env: { PATH: '/nonexistent', EXIT_CODE: 'killed', EXIT_STATUS: 'KILL' },
      extendEnv: false,
      reject: false,
    });
    // date is found through the fallback PATH: a worker's own PATH= cannot hide it.
    expect(result.stdout).toMatch(new RegExp(`^\\[ServerMark\\] ${TIME} process 1 was killed`));
  });
});
