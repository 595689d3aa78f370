import { execa } from 'execa';
import { z } from 'zod';
import { queueConfigFromFile } from './queueConfigFromFile';
import { wholeSeconds, type QueueConfig } from './queueConfig';

// Why boot the app rather than only read the file: config/queue.php usually says
// `env('QUEUE_CONNECTION', 'sync')` or `env('REDIS_QUEUE_RETRY_AFTER', 90)`, and a deployed-style
// app may run from bootstrap/cache/config.php. Only Laravel itself resolves all of that exactly as
// the worker will. It runs the site's own code, which the worker runs anyway as the same user, and
// it loads only the environment and the config (no service providers, no database). When booting
// fails (a broken app, vendor/ missing, a Laravel without the LoadEnvironmentVariables bootstrapper)
// the file is read as text instead.

const MARKER = '__SERVERMARK_QUEUE_CONFIG__';
const BOOT_TIMEOUT_MS = 10_000;

// Nothing user-supplied is inserted into this code: the site is the working directory.
const SNIPPET = `
$base = getcwd();
require $base.'/vendor/autoload.php';
$app = require $base.'/bootstrap/app.php';
$app->bootstrapWith([
    Illuminate\\Foundation\\Bootstrap\\LoadEnvironmentVariables::class,
    Illuminate\\Foundation\\Bootstrap\\LoadConfiguration::class,
]);
$queue = $app->make('config')->get('queue');
$queue = is_array($queue) ? $queue : [];
$list = isset($queue['connections']) && is_array($queue['connections']) ? $queue['connections'] : [];
$connections = [];
foreach ($list as $name => $c) {
    $c = is_array($c) ? $c : [];
    $connections[] = [
        'name' => (string) $name,
        'driver' => isset($c['driver']) && is_string($c['driver']) ? $c['driver'] : null,
        'retry_after' => isset($c['retry_after']) && is_scalar($c['retry_after']) ? $c['retry_after'] : null,
        'queue' => isset($c['queue']) && is_string($c['queue']) ? $c['queue'] : null,
    ];
}
$default = isset($queue['default']) && is_string($queue['default']) ? $queue['default'] : null;
echo "\\n${MARKER}", json_encode(['default' => $default, 'connections' => $connections], JSON_PARTIAL_OUTPUT_ON_ERROR), "\\n";
`;

const outputSchema = z.object({
  default: z.string().nullable(),
  connections: z.array(
    z.object({
      name: z.string(),
      driver: z.string().nullable(),
      retry_after: z.union([z.string(), z.number(), z.boolean()]).nullable(),
      queue: z.string().nullable(),
    }),
  ),
});

export interface AppBootOptions {
  sitePath: string;
  php: string;
  /** The environment the worker gets: a few basics plus its own variables. */
  env: Record<string, string>;
  timeoutMs?: number;
}

function firstLine(text: string | undefined): string {
  const line = (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return line ? line.slice(0, 300) : 'no output';
}

/** Lets the app load its own config and reports its queue connections. */
export async function queueConfigFromApp(options: AppBootOptions): Promise<QueueConfig> {
  const result = await execa(options.php, ['-d', 'display_errors=stderr', '-r', SNIPPET], {
    cwd: options.sitePath,
    env: options.env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: options.timeoutMs ?? BOOT_TIMEOUT_MS,
    maxBuffer: 1024 * 1024,
  });
  if (result.timedOut) {
    throw new Error(
      `the app did not load its config within ${(options.timeoutMs ?? BOOT_TIMEOUT_MS) / 1000} s`,
    );
  }
  const stdout = result.stdout ?? '';
  const at = stdout.lastIndexOf(MARKER);
  if (result.exitCode !== 0 || at === -1) {
    throw new Error(
      `the app could not load its config (exit ${result.exitCode ?? '?'}): ${firstLine(result.stderr || stdout)}`,
    );
  }
  const json = stdout.slice(at + MARKER.length).split('\n')[0] ?? '';
  const parsed = outputSchema.parse(JSON.parse(json));
  return {
    source: 'app',
    defaultConnection: parsed.default,
    connections: parsed.connections.map((c) => ({
      name: c.name,
      driver: c.driver,
      retryAfter: wholeSeconds(c.retry_after),
      queue: c.queue,
    })),
    problem: null,
  };
}

/** The app's queue config: booted if possible, else read as text, else reported as unknown. */
export async function readQueueConfig(options: AppBootOptions): Promise<QueueConfig> {
  let bootProblem: string;
  try {
    return await queueConfigFromApp(options);
  } catch (error) {
    bootProblem = error instanceof Error ? error.message : String(error);
  }
  try {
    return { ...(await queueConfigFromFile(options.sitePath)), problem: bootProblem };
  } catch (error) {
    const fileProblem = error instanceof Error ? error.message : String(error);
    return {
      source: 'none',
      defaultConnection: null,
      connections: [],
      problem: `${bootProblem}; reading config/queue.php as text failed too: ${fileProblem}`,
    };
  }
}

/** The basics of the environment a worker starts with, from ServerMark's own. */
export function workerBaseEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const base: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'USER', 'LANG', 'LC_ALL', 'TZ']) {
    const value = env[name];
    if (value !== undefined) base[name] = value;
  }
  return base;
}
