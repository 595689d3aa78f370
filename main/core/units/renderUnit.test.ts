import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServerMarkError } from '../errors/serverMarkError';
import { DEFAULT_WORKER_OPTIONS, type WorkerOptions } from '../workers/workerOptions';
import {
  renderWorkerUnit,
  RESTART_SEC,
  START_LIMIT_BURST,
  START_LIMIT_INTERVAL_SEC,
  type WorkerUnitSpec,
} from './renderUnit';

type Sections = Map<string, Map<string, string[]>>;

// Reads unit text the way systemd's parser splits it: sections, then Key=Value at the first "=".
function parseUnit(text: string): Sections {
  const sections: Sections = new Map();
  let current: Map<string, string[]> | undefined;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    expect(line, 'no line may continue onto the next').not.toMatch(/\\$/);
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      expect(sections.has(header[1]!)).toBe(false);
      current = new Map();
      sections.set(header[1]!, current);
      continue;
    }
    const eq = line.indexOf('=');
    expect(eq, `not a setting: ${JSON.stringify(line)}`).toBeGreaterThan(0);
    expect(current).toBeDefined();
    const key = line.slice(0, eq);
    current!.set(key, [...(current!.get(key) ?? []), line.slice(eq + 1)]);
  }
  return sections;
}

function one(sections: Sections, section: string, key: string): string {
  const values = sections.get(section)?.get(key) ?? [];
  expect(values, `${section}.${key}`).toHaveLength(1);
  return values[0]!;
}

// systemd.syntax(7) for our output: words are "…" with \\ \" \xNN escapes, then %% → %, $$ → $.
function decodeExecStart(value: string, { dollar = true } = {}): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] === ' ') {
      i++;
      continue;
    }
    expect(value[i], `unquoted word at ${i} in ${value}`).toBe('"');
    let word = '';
    i++;
    for (;;) {
      const ch = value[i];
      if (ch === undefined) throw new Error(`unterminated quote in ${value}`);
      if (ch === '"') break;
      if (ch === '\\') {
        const next = value[i + 1];
        if (next === 'x') {
          word += String.fromCharCode(parseInt(value.slice(i + 2, i + 4), 16));
          i += 4;
        } else if (next === '\\' || next === '"') {
          word += next;
          i += 2;
        } else throw new Error(`unexpected escape in ${value}`);
      } else if (ch === '%' || (ch === '$' && dollar)) {
        expect(value[i + 1], `lone ${ch} in ${value}`).toBe(ch);
        word += ch;
        i += 2;
      } else {
        word += ch;
        i++;
      }
    }
    i++;
    expect(value[i] === undefined || value[i] === ' ').toBe(true);
    words.push(word);
  }
  return words;
}

const unescapeRaw = (value: string) => {
  expect(value.replaceAll('%%', '')).not.toMatch(/%(?!i)/);
  return value.replaceAll('%%', '%');
};

function spec(overrides: Partial<WorkerUnitSpec> = {}, options: Partial<WorkerOptions> = {}) {
  return {
    siteId: 'k3j9x2ab',
    siteName: 'Shop',
    sitePath: '/home/me/Sites/shop',
    workerName: 'default',
    php: '/usr/bin/php8.2',
    options: { ...DEFAULT_WORKER_OPTIONS, ...options },
    logDir: '/home/me/.local/state/servermark/logs',
    unitPrefix: 'servermark-queue-shop_k3j9x2ab_default',
    ...overrides,
  } satisfies WorkerUnitSpec;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ServerMarkError);
    return (error as ServerMarkError).code;
  }
  return undefined;
}

describe('renderWorkerUnit', () => {
  it('renders a restartable, gracefully stopping exec service with file logs', () => {
    const text = renderWorkerUnit(spec());
    const unit = parseUnit(text);
    expect([...unit.keys()]).toEqual(['Unit', 'Service', 'Install']);
    expect(text.endsWith('\n')).toBe(true);

    expect(one(unit, 'Unit', 'Description')).toBe(
      'ServerMark queue worker default for Shop (process %i)',
    );
    expect(one(unit, 'Unit', 'After')).toBe('network.target');
    // systemd 252 ignores the start limit in [Service]: it must sit in [Unit].
    expect(one(unit, 'Unit', 'StartLimitIntervalSec')).toBe(String(START_LIMIT_INTERVAL_SEC));
    expect(one(unit, 'Unit', 'StartLimitBurst')).toBe(String(START_LIMIT_BURST));
    expect(unit.get('Service')!.has('StartLimitIntervalSec')).toBe(false);
    expect(unit.get('Service')!.has('StartLimitBurst')).toBe(false);
    expect(unit.get('Service')!.has('StartLimitInterval')).toBe(false);
    expect(one(unit, 'Unit', 'X-ServerMark-Site')).toBe('k3j9x2ab');
    expect(one(unit, 'Unit', 'X-ServerMark-Worker')).toBe('default');

    expect(one(unit, 'Service', 'Type')).toBe('exec');
    expect(one(unit, 'Service', 'Restart')).toBe('always');
    expect(one(unit, 'Service', 'RestartSec')).toBe(String(RESTART_SEC));
    expect(RESTART_SEC).toBeGreaterThan(0);
    // Five restarts RestartSec apart must fit in the interval, or a crash loop is never detected.
    expect(START_LIMIT_BURST * RESTART_SEC).toBeLessThan(START_LIMIT_INTERVAL_SEC);
    expect(one(unit, 'Service', 'KillMode')).toBe('mixed');
    expect(one(unit, 'Service', 'KillSignal')).toBe('SIGTERM');
    expect(Number(one(unit, 'Service', 'TimeoutStopSec'))).toBeGreaterThan(
      DEFAULT_WORKER_OPTIONS.timeout,
    );
    expect(one(unit, 'Service', 'WorkingDirectory')).toBe('/home/me/Sites/shop');
    expect(decodeExecStart(one(unit, 'Service', 'ExecStart'))).toEqual([
      '/usr/bin/php8.2',
      '/home/me/Sites/shop/artisan',
      'queue:work',
      '--sleep=3',
      '--tries=3',
      '--timeout=60',
      '--max-time=3600',
    ]);
    const log =
      'append:/home/me/.local/state/servermark/logs/servermark-queue-shop_k3j9x2ab_default@%i.log';
    expect(one(unit, 'Service', 'StandardOutput')).toBe(log);
    expect(one(unit, 'Service', 'StandardError')).toBe(log);
    expect(text).not.toMatch(/=null|=journal/);
    expect(unit.get('Service')!.has('Environment')).toBe(false);
    expect(one(unit, 'Install', 'WantedBy')).toBe('default.target');
  });

  it('writes a hostile site directory literally: quoted in ExecStart, %-escaped in raw fields', () => {
    const dir = '/home/me/My "Q" app $HOME ${HOME} %h ünïcødé; it\'s\\x';
    const text = renderWorkerUnit(
      spec({ sitePath: dir, siteName: '100% "fun" $HOME', logDir: '/var/log/50%/$x' }),
    );
    const unit = parseUnit(text);
    expect(one(unit, 'Service', 'WorkingDirectory')).toBe(dir.replaceAll('%', '%%'));
    expect(unescapeRaw(one(unit, 'Service', 'WorkingDirectory'))).toBe(dir);
    expect(decodeExecStart(one(unit, 'Service', 'ExecStart')).slice(0, 2)).toEqual([
      '/usr/bin/php8.2',
      `${dir}/artisan`,
    ]);
    expect(one(unit, 'Unit', 'Description')).toBe(
      'ServerMark queue worker default for 100%% "fun" $HOME (process %i)',
    );
    expect(one(unit, 'Service', 'StandardOutput')).toBe(
      'append:/var/log/50%%/$x/servermark-queue-shop_k3j9x2ab_default@%i.log',
    );
  });

  it.each([
    ['/srv/a\nExecStartPre=/bin/evil'],
    ['/srv/a\rb'],
    ['/srv/a\tb'],
    ['/srv/a\u0000b'],
    ['/srv/a\ud800'],
    ['/srv/app '],
    [' /srv/app'],
    ['/srv/app\\'],
    ['/srv/../etc'],
    ['/srv//app'],
    ['srv/app'],
    [`/srv/${'x'.repeat(300)}`],
  ])('refuses the site directory %j with INVALID_PATH', (sitePath) => {
    expect(codeOf(() => renderWorkerUnit(spec({ sitePath })))).toBe('INVALID_PATH');
  });

  it('refuses a hostile log directory and site name', () => {
    expect(codeOf(() => renderWorkerUnit(spec({ logDir: '/logs\n[Service]' })))).toBe(
      'INVALID_PATH',
    );
    expect(codeOf(() => renderWorkerUnit(spec({ logDir: 'logs' })))).toBe('INVALID_PATH');
    expect(codeOf(() => renderWorkerUnit(spec({ siteName: 'x\nExecStart=/bin/sh' })))).toBe(
      'INVALID_PATH',
    );
  });

  it('renders every option, in order, and stops later than the job timeout', () => {
    const unit = parseUnit(
      renderWorkerUnit(
        spec(
          {},
          {
            connection: 'redis',
            queues: ['high', 'default'],
            sleep: 1,
            tries: 5,
            timeout: 300,
            backoff: 10,
            memory: 256,
            maxJobs: 100,
            maxTime: 0,
            rest: 2,
            force: true,
            env: { Z_LAST: 'z', APP_ENV: 'production', QUOTED: 'a "b" $HOME %h\n' },
          },
        ),
      ),
    );
    expect(decodeExecStart(one(unit, 'Service', 'ExecStart')).slice(2)).toEqual([
      'queue:work',
      'redis',
      '--queue=high,default',
      '--sleep=1',
      '--tries=5',
      '--timeout=300',
      '--memory=256',
      '--backoff=10',
      '--max-jobs=100',
      '--rest=2',
      '--force',
    ]);
    expect(one(unit, 'Service', 'TimeoutStopSec')).toBe('310');
    const env = unit.get('Service')!.get('Environment')!;
    expect(env.map((e) => decodeExecStart(e, { dollar: false })[0])).toEqual([
      'APP_ENV=production',
      'QUOTED=a "b" $HOME %h\n',
      'Z_LAST=z',
    ]);
  });

  it('writes the start, stop and exit of each process into its log, failure-tolerant', () => {
    const unit = parseUnit(
      renderWorkerUnit(spec({}, { connection: 'a "b" $HOME %h', stopWaitSeconds: 500 })),
    );
    // The worker's own lines are untouched; the markers are extra, "-" so they can never fail it.
    expect(decodeExecStart(one(unit, 'Service', 'ExecStart')).slice(2, 4)).toEqual([
      'queue:work',
      'a "b" $HOME %h',
    ]);
    for (const key of ['ExecStartPre', 'ExecStop', 'ExecStopPost']) {
      expect(one(unit, 'Service', key)).toMatch(/^-\/bin\/sh -c "[^\n]+" sh "%i"/);
    }
    // Values reach the script as quoted arguments: every $ and % of them is doubled.
    expect(one(unit, 'Service', 'ExecStartPre')).toContain(
      String.raw`"/usr/bin/php8.2 artisan queue:work 'a \"b\" $$HOME %%h' --sleep=3`,
    );
    expect(one(unit, 'Service', 'ExecStop').endsWith(' "500"')).toBe(true);
  });

  it('uses an explicit stop wait when one is set', () => {
    const unit = parseUnit(renderWorkerUnit(spec({}, { stopWaitSeconds: 500 })));
    expect(one(unit, 'Service', 'TimeoutStopSec')).toBe('500');
  });

  it('refuses an invalid environment name rather than writing it', () => {
    expect(codeOf(() => renderWorkerUnit(spec({}, { env: { 'BAD NAME': 'x' } })))).toBe(
      'INVALID_OPTION',
    );
  });

  it('for any hostile input either refuses with ServerMarkError or renders an exact, well-formed unit', () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom(...' "\'\\$%{};#\n\r\t\u0000\u007fé😀/.'.split(''), '\ud800', 'e\u0301'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 30,
    });
    fc.assert(
      fc.property(
        text,
        text,
        text,
        fc.dictionary(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/), text, { maxKeys: 3 }),
        (dirTail, name, arg, env) => {
          const sitePath = `/srv/${dirTail}`;
          const input = spec({ sitePath, siteName: name || 'x' }, { connection: arg || null, env });
          let rendered: string;
          try {
            rendered = renderWorkerUnit(input);
          } catch (error) {
            expect(error).toBeInstanceOf(ServerMarkError);
            return;
          }
          const unit = parseUnit(rendered);
          expect(unescapeRaw(one(unit, 'Service', 'WorkingDirectory'))).toBe(sitePath);
          const argv = decodeExecStart(one(unit, 'Service', 'ExecStart'));
          expect(argv[1]).toBe(`${sitePath.replace(/\/$/, '')}/artisan`);
          if (arg) expect(argv[3]).toBe(arg);
          expect(unescapeRaw(one(unit, 'Unit', 'Description'))).toBe(
            `ServerMark queue worker default for ${name || 'x'} (process %i)`,
          );
          const envLines = unit.get('Service')!.get('Environment') ?? [];
          expect(envLines).toHaveLength(Object.keys(env).length);
          for (const line of envLines) {
            const [assignment] = decodeExecStart(line, { dollar: false });
            const eq = assignment!.indexOf('=');
            expect(env[assignment!.slice(0, eq)]).toBe(assignment!.slice(eq + 1));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
