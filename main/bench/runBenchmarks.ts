// `npm run bench`: every benchmark against a private user manager, one after another, then a
// table (or JSON with --json). Progress goes to stderr, results to stdout.
import { cpus, loadavg } from 'node:os';
import { installSpawnCounter, spawnCount } from './spawnCounter';
import { round, type BenchResult, type Progress } from './benchmark';
import { changeLatency } from './changeLatency';
import { coreMemory } from './coreMemory';
import { stopFiftySites } from './fiftySites';
import { idleCost } from './idleCost';
import { logView } from './logView';
import { closeRendererHarness } from './rendererHarness';
import { rendererList } from './rendererList';
import { startAll50 } from './startAll50';
import { statusOf200 } from './statusOf200';
import { toggle } from './toggle';

installSpawnCounter();

interface BenchEntry {
  id: string;
  run(progress: Progress): Promise<BenchResult>;
}

const BENCHMARKS: BenchEntry[] = [
  { id: 'status-200', run: statusOf200 },
  { id: 'toggle', run: toggle },
  // These three share fifty sites: start-all leaves them running for the other two.
  { id: 'start-all-50', run: startAll50 },
  { id: 'idle-cost', run: idleCost },
  { id: 'change-latency', run: changeLatency },
  { id: 'renderer', run: rendererList },
  { id: 'log-view', run: logView },
  { id: 'memory', run: coreMemory },
];

function parseArguments(argv: string[]): { json: boolean; only: Set<string> | null } {
  const json = argv.includes('--json');
  const onlyArgument = argv.find((a) => a.startsWith('--only='));
  const only = onlyArgument ? new Set(onlyArgument.slice('--only='.length).split(',')) : null;
  const unknown = argv.filter((a) => a !== '--json' && !a.startsWith('--only='));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown argument ${unknown[0]}. Usage: npm run bench [-- --json] [-- --only=${BENCHMARKS.map((b) => b.id).join(',')}]`,
    );
  }
  return { json, only };
}

function table(results: BenchResult[]): string {
  const rows = [
    ['#', 'Benchmark', 'Result', 'Target', 'Met'],
    ...results.map((r, i) => [
      String(i + 1),
      r.title,
      r.figure,
      r.target,
      r.met === null ? 'n/a' : r.met ? 'yes' : 'NO',
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ');
  const notes = results
    .filter((r) => r.note)
    .map((r) => `- ${r.title}: ${r.note}`)
    .join('\n');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)]
    .concat(notes ? ['', notes] : [])
    .join('\n');
}

async function main(): Promise<number> {
  const { json, only } = parseArguments(process.argv.slice(2));
  const started = performance.now();
  // Other work on the machine shows in every timing: say how busy it was.
  const loadAtStart = round(loadavg()[0]!, 2);
  const results: BenchResult[] = [];
  for (const bench of BENCHMARKS) {
    if (only && !only.has(bench.id)) continue;
    const since = performance.now();
    const progress: Progress = (message) =>
      process.stderr.write(
        `[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${bench.id}: ${message}\n`,
      );
    progress('starting');
    const result = await bench.run(progress);
    progress(`${result.figure} (${((performance.now() - since) / 1000).toFixed(1)} s)`);
    results.push(result);
  }
  await stopFiftySites();
  await closeRendererHarness();
  process.stderr.write(
    `done in ${((performance.now() - started) / 1000).toFixed(0)} s, ${spawnCount()} processes spawned in all\n\n`,
  );
  const machine = {
    cpus: cpus().length,
    node: process.version,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: round(loadavg()[0]!, 2),
    seconds: round((performance.now() - started) / 1000, 0),
  };
  const context = `${machine.cpus} CPUs, Node ${machine.node}, load average ${machine.loadAverageAtStart} at start and ${machine.loadAverageAtEnd} at end, ${machine.seconds} s`;
  process.stdout.write(
    json
      ? `${JSON.stringify({ machine, results }, null, 2)}\n`
      : `${table(results)}\n\n${context}\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
