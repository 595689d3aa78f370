// Fuzzes the core's unit rendering against a real systemd 252 user manager: every value the core
// accepts must reach the process byte for byte; every value it refuses must be refused for a
// documented reason. Re-run a failure with FUZZ_SEED=<seed printed by fast-check>.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUserManager, type UserManager } from '../../testing/userManager';
import { waitFor } from '../../testing/waitFor';
import { ServerMarkError } from '../errors/serverMarkError';
import { parseShowOutput } from '../systemd/showOutput';
import {
  DEFAULT_WORKER_OPTIONS,
  queueWorkArguments,
  type WorkerOptions,
} from '../workers/workerOptions';
import { renderWorkerUnit } from './renderUnit';
import { workerUnitNames } from './unitName';

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const BATCH = 50; // units per daemon-reload
const BATCHES = 4; // 200 generated values per property, more for paths (most are refused)
const TIME_LIMIT_MS = 25_000; // per property, shrinking included: the file stays under a minute

// Units run `/bin/sh <site>/artisan queue:work …` (php = /bin/sh), so this script reports exactly
// what systemd handed over: argc, $0 (the artisan path), the args, $SM_FUZZ, the real cwd.
const PROBE_SCRIPT = [
  `printf '%s\\0' "$#" "$0" "$@" "$SM_FUZZ"`,
  '/usr/bin/readlink -z /proc/self/cwd',
  `printf 'END\\0'`,
  'exec /usr/bin/sleep 3600',
  '',
].join('\n');

// Full unicode plus everything systemd's unit syntax might reinterpret.
const SPECIALS = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '"',
  "'",
  '\\',
  '\\\\',
  '%',
  '%%',
  '%h',
  '%i',
  '%n',
  '$',
  '$$',
  '$HOME',
  '${HOME}',
  ';',
  ' ; ',
  '#',
  '=',
  '{',
  '}',
  '/',
  '//',
  '.',
  '..',
  '/./',
  '/../',
  '\\x41',
  '\\n',
  '\ud800',
  '\udfff',
  '\ufdd0',
  '\ufffe',
  '\u{10ffff}',
  '\ufffd',
  'e\u0301',
  'é',
  'ü',
  '日本',
  '😀',
];
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIALS) },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom('a', 'queue', '-', '--x=1', 'A_B') },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 300 }).map((n) => 'é'.repeat(n / 2)) },
);
const fuzzText = fc.string({ unit, maxLength: 24 });

interface Prepared {
  input: string;
  names: ReturnType<typeof workerUnitNames>;
  expectedArgv: string[];
  sitePath: string;
  logFile: string;
}

let manager: UserManager;
let root: string;
let logDir: string;
let counter = 0;

const HOSTILE_SITE_NAME = 'Shop 100% "Q" $HOME ${HOME} %h ünï';

function nextId(): string {
  counter += 1;
  return `f${counter.toString(36).padStart(7, '0')}`;
}

function options(overrides: Partial<WorkerOptions>): WorkerOptions {
  return { ...DEFAULT_WORKER_OPTIONS, queues: [], env: {}, ...overrides };
}

/** Renders and writes one worker unit; null when the core refused the input. */
async function prepare(
  input: string,
  sitePath: string,
  opts: WorkerOptions,
): Promise<Prepared | null> {
  const id = nextId();
  const names = workerUnitNames({ id, path: sitePath }, 'default', 1);
  let text: string;
  try {
    text = renderWorkerUnit({
      siteId: id,
      siteName: HOSTILE_SITE_NAME,
      sitePath,
      workerName: 'default',
      php: '/bin/sh',
      options: opts,
      logDir,
      unitPrefix: names.prefix,
    });
  } catch (error) {
    if (!(error instanceof ServerMarkError)) throw error;
    return null;
  }
  await mkdir(sitePath, { recursive: true });
  await writeFile(join(sitePath, 'artisan'), PROBE_SCRIPT);
  await writeFile(join(manager.unitDir, names.template), text);
  return {
    input,
    names,
    sitePath,
    expectedArgv: [join(sitePath, 'artisan'), ...queueWorkArguments(opts)],
    logFile: join(logDir, `${names.prefix}@1.log`),
  };
}

interface Report {
  fields: Buffer[];
  show: Record<string, string>;
}

/** One daemon-reload and one start for the whole batch; returns what each process reported. */
async function runBatch(batch: Prepared[]): Promise<Map<Prepared, Report>> {
  const reports = new Map<Prepared, Report>();
  if (batch.length === 0) return reports;
  const instances = batch.map((p) => p.names.instances[0]!);
  try {
    expect((await manager.systemctl(['daemon-reload'])).exitCode).toBe(0);
    // A unit systemd cannot load fails at once, naming the input, instead of timing out below.
    const loaded = parseShowOutput(
      (await manager.systemctl(['show', '-p', 'Id,LoadState', '--', ...instances])).stdout,
    );
    const unloadable = batch.filter(
      (p) => loaded.get(p.names.instances[0]!)?.LoadState !== 'loaded',
    );
    if (unloadable.length > 0) {
      throw new Error(
        `systemd cannot load the unit for inputs ${unloadable.map((p) => JSON.stringify(p.input)).join(', ')}`,
      );
    }
    const started = await manager.systemctl(['start', ...instances], { timeoutMs: 30_000 });
    const logs = new Map<Prepared, Buffer>();
    await waitFor(
      `all ${batch.length} probe units to report (start: ${started.stderr})`,
      async () => {
        for (const p of batch) {
          if (logs.has(p)) continue;
          const log = await readFile(p.logFile).catch(() => null);
          if (log && log.includes(Buffer.from('END\0'))) logs.set(p, log);
        }
        return logs.size === batch.length;
      },
      { timeoutMs: 15_000, intervalMs: 50 },
    ).catch(async (error: Error) => {
      const missing = batch.filter((p) => !logs.has(p));
      const state = await manager.systemctl([
        'show',
        '-p',
        'Id,LoadState,ActiveState,Result,ExecMainStatus',
        ...missing.map((p) => p.names.instances[0]!),
      ]);
      throw new Error(
        `${error.message}\nNo report from inputs ${missing.map((p) => JSON.stringify(p.input)).join(', ')}\n${state.stdout}`,
      );
    });
    const show = parseShowOutput(
      (
        await manager.systemctl([
          'show',
          '-p',
          'Id,LoadState,Description,WorkingDirectory',
          '--',
          ...instances,
        ])
      ).stdout,
    );
    for (const p of batch) {
      const fields: Buffer[] = [];
      let log = logs.get(p)!;
      // The unit's own start line (ExecStartPre, docs/logs.md) comes before the probe's report.
      while (log.subarray(0, 13).toString() === '[ServerMark] ') {
        log = log.subarray(log.indexOf(0x0a) + 1);
      }
      let start = 0;
      for (let nul = log.indexOf(0); nul !== -1; nul = log.indexOf(0, start)) {
        fields.push(log.subarray(start, nul));
        start = nul + 1;
      }
      reports.set(p, { fields, show: show.get(p.names.instances[0]!) ?? {} });
    }
  } finally {
    await manager.systemctl(['stop', ...instances], { timeoutMs: 30_000 });
    await manager.systemctl(['reset-failed', ...instances]);
    await Promise.all(
      batch.map((p) => rm(join(manager.unitDir, p.names.template), { force: true })),
    );
  }
  return reports;
}

const utf8 = (value: string) => Buffer.from(value, 'utf8');
const describeBytes = (value: Buffer | undefined) =>
  value === undefined ? 'nothing' : JSON.stringify(value.toString('utf8'));

function expectBytes(actual: Buffer | undefined, expected: string, what: string, input: string) {
  if (actual === undefined || !actual.equals(utf8(expected))) {
    throw new Error(
      `${what} differs for input ${JSON.stringify(input)}: expected ${JSON.stringify(expected)}, systemd gave ${describeBytes(actual)}`,
    );
  }
}

/** Checks one process report: argc, argv, the environment value, the cwd, the end marker. */
function checkReport(p: Prepared, report: Report, env: string | null) {
  const { fields } = report;
  const args = p.expectedArgv.slice(1);
  expectBytes(fields[0], String(args.length), 'argc', p.input);
  p.expectedArgv.forEach((arg, i) => expectBytes(fields[1 + i], arg, `argv[${i}]`, p.input));
  const rest = fields.slice(1 + p.expectedArgv.length);
  if (env !== null) expectBytes(rest[0], env, 'Environment SM_FUZZ', p.input);
  // systemd (path_simplify) drops a trailing "/": the same directory, so that is all we allow.
  const dir = p.sitePath.length > 1 ? p.sitePath.replace(/\/$/, '') : p.sitePath;
  expectBytes(rest[1], dir, 'working directory (/proc/self/cwd)', p.input);
  expectBytes(rest[2], 'END', 'end marker', p.input);
  expect(rest).toHaveLength(3);
  expect(report.show.LoadState).toBe('loaded');
  expect(report.show.WorkingDirectory).toBe(dir);
  expect(report.show.Description).toBe(
    `ServerMark queue worker default for ${HOSTILE_SITE_NAME} (process 1)`,
  );
}

beforeAll(async () => {
  manager = await startUserManager();
  await mkdir('/tmp/x', { recursive: true });
  root = await mkdtemp('/tmp/x/servermark-fuzz-');
  logDir = join(root, 'logs $HOME %h "q" ü');
  await mkdir(logDir);
}, 60_000);

afterAll(async () => {
  await manager?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe(`rendered units read back exactly by systemd (seed ${SEED})`, () => {
  it('ExecStart= argument and Environment= value: refused only for NUL or invalid UTF-8, else exact', async () => {
    const siteDir = join(root, 'args', 'My "Q" app $HOME ${HOME} %h ünïcødé; \\x');
    let checked = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fuzzText, { minLength: BATCH, maxLength: BATCH }),
        async (inputs) => {
          const batch: Prepared[] = [];
          for (const input of inputs) {
            // `connection` is the one free-form positional argument of queue:work.
            const opts = options({ connection: input, env: { SM_FUZZ: input } });
            const prepared = await prepare(input, siteDir, opts);
            if (prepared) batch.push(prepared);
            else {
              refused++;
              const why = input.includes('\u0000') || notSystemdText(input);
              if (!why)
                throw new Error(`refused without a documented reason: ${JSON.stringify(input)}`);
            }
          }
          const reports = await runBatch(batch);
          for (const p of batch) checkReport(p, reports.get(p)!, p.input);
          checked += batch.length;
        },
      ),
      { seed: SEED, numRuns: BATCHES, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    console.info(`ExecStart fuzz: ${checked} values read back exactly, ${refused} refused`);
    expect(checked).toBeGreaterThanOrEqual(100);
  }, 120_000);

  it('WorkingDirectory=: refused only for documented reasons, else exact', async () => {
    let checked = 0;
    const refusedFor = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fuzzText, { minLength: BATCH, maxLength: BATCH }),
        async (tails) => {
          const batch: Prepared[] = [];
          const normalizedByCore: string[] = [];
          for (const tail of tails) {
            const sitePath = `${join(root, 'dirs', String(counter + 1))}/${tail}`;
            const prepared = await prepare(tail, sitePath, options({}));
            if (prepared) {
              batch.push(prepared);
              continue;
            }
            const reasons = documentedProblems(sitePath);
            if (reasons.length === 0) {
              throw new Error(`refused without a documented reason: ${JSON.stringify(sitePath)}`);
            }
            for (const reason of reasons) refusedFor.set(reason, (refusedFor.get(reason) ?? 0) + 1);
            if (reasons.every((r) => SYSTEMD_REWRITES.includes(r))) normalizedByCore.push(sitePath);
          }
          const reports = await runBatch(batch);
          for (const p of batch) checkReport(p, reports.get(p)!, null);
          checked += batch.length;
          await expectSystemdRewrites(normalizedByCore);
        },
      ),
      { seed: SEED + 1, numRuns: BATCHES * 2, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    console.info(
      `WorkingDirectory fuzz: ${checked} paths read back exactly; refused: ${JSON.stringify(Object.fromEntries(refusedFor))}`,
    );
    expect(checked).toBeGreaterThanOrEqual(50);
  }, 120_000);
});

// systemd's UTF-8 check refuses lone surrogates and the noncharacters (U+FDD0–U+FDEF, U+xFFFE/F).
const notSystemdText = (value: string) =>
  !value.isWellFormed() || /\p{Noncharacter_Code_Point}/u.test(value);

// docs/systemd.md, "raw fields": what must be refused because systemd cannot hold it literally.
function documentedProblems(path: string): string[] {
  const problems: string[] = [];
  if (path.includes('\u0000')) problems.push('NUL');
  if (/[\n\r]/.test(path)) problems.push('line break');
  if (/[\u0000-\u001f\u007f]/.test(path)) problems.push('control character');
  if (notSystemdText(path)) problems.push('invalid UTF-8');
  if (/^\s|\s$/.test(path)) problems.push('leading or trailing whitespace');
  if (path.endsWith('\\')) problems.push('trailing backslash');
  if (!path.startsWith('/')) problems.push('not absolute');
  const parts = path.split('/').slice(1);
  if (parts.includes('..')) problems.push('.. component');
  // systemd's path_simplify() rewrites these, and the kernel limits the rest: checked below.
  if (parts.includes('.')) problems.push('. component');
  if (parts.slice(0, -1).includes('')) problems.push('empty component');
  if (parts.some((p) => Buffer.byteLength(p) > 255)) problems.push('component over 255 bytes');
  if (Buffer.byteLength(path) > 4095) problems.push('over 4095 bytes');
  return problems;
}

const SYSTEMD_REWRITES = [
  '. component',
  'empty component',
  'component over 255 bytes',
  'over 4095 bytes',
];

/** Paths refused only for a reason beyond the doc: prove systemd would not keep them literally. */
async function expectSystemdRewrites(paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  const probes = paths.map((path, i) => ({ path, unit: `sm-fuzz-raw-${counter}-${i}.service` }));
  for (const { path, unit } of probes) {
    await writeFile(
      join(manager.unitDir, unit),
      `[Service]\nType=oneshot\nExecStart=/bin/true\nWorkingDirectory=${path.replaceAll('%', '%%')}\n`,
    );
  }
  try {
    expect((await manager.systemctl(['daemon-reload'])).exitCode).toBe(0);
    const out = await manager.systemctl([
      'show',
      '-p',
      'Id,LoadState,WorkingDirectory',
      '--',
      ...probes.map((p) => p.unit),
    ]);
    const seen = parseShowOutput(out.stdout);
    for (const { path, unit } of probes) {
      const props = seen.get(unit);
      const literal = props?.LoadState === 'loaded' && props.WorkingDirectory === path;
      if (literal)
        throw new Error(`core refused ${JSON.stringify(path)} but systemd keeps it as is`);
    }
  } finally {
    await Promise.all(probes.map((p) => rm(join(manager.unitDir, p.unit), { force: true })));
  }
}
