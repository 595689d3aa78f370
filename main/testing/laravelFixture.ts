// A real Laravel 8.83 app (Debian's framework under /usr/share/php) that tests copy to any path and drive.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, lstat, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { findExecutable } from './findExecutable';
import { waitFor } from './waitFor';

export interface DispatchOptions {
  queue?: string;
  id?: string;
  fail?: boolean;
  sleepSeconds?: number;
}

export interface ArtisanResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface LaravelFixture {
  /** Absolute path of the app (contains `artisan`). */
  path: string;
  /** Absolute path of the PHP binary the helpers use (units need an absolute path). */
  php: string;
  /** Queues App\Jobs\FixtureJob; resolves to its id (generated unless given). */
  dispatch(opts?: DispatchOptions): Promise<string>;
  /** Ids of jobs that ran (including ones that then failed), sorted. */
  processed(): Promise<string[]>;
  waitForProcessed(id: string, timeoutMs?: number): Promise<void>;
  /** Jobs waiting or reserved on `queue`, or on all queues when omitted. */
  pendingCount(queue?: string): Promise<number>;
  failedCount(): Promise<number>;
  /** Makes `php artisan queue:work` exit 1 at once (crash-loop tests); other commands keep working. */
  breakArtisan(): Promise<void>;
  fixArtisan(): Promise<void>;
  /** `php artisan ARGS` in the app; never throws on a non-zero exit. */
  artisan(args: readonly string[]): Promise<ArtisanResult>;
}

const TEMPLATE_DIR = fileURLToPath(new URL('./laravel-fixture/', import.meta.url));
const JOB_ID = /^[A-Za-z0-9_-]{1,100}$/;
const BREAK_MARKER = join('storage', 'framework', 'break-queue-work');

/** Leaves out files a run inside the template itself would have produced (database, caches, logs). */
async function isTemplateFile(source: string): Promise<boolean> {
  const rel = relative(TEMPLATE_DIR, source).split(sep).join('/');
  if ((await lstat(source)).isDirectory()) return true;
  if (/^database\/.*\.sqlite/.test(rel)) return false;
  if (/^(storage|bootstrap\/cache)\//.test(rel)) return rel.endsWith('/.gitignore');
  return true;
}

interface QueueStats {
  pending: Record<string, number>;
  failed: number;
}

function parseStats(stdout: string): QueueStats {
  const parsed: unknown = JSON.parse(stdout);
  if (typeof parsed !== 'object' || parsed === null)
    throw new Error(`fixture:stats printed ${stdout}`);
  const { pending, failed } = parsed as { pending?: unknown; failed?: unknown };
  if (typeof failed !== 'number' || typeof pending !== 'object' || pending === null) {
    throw new Error(`fixture:stats printed ${stdout}`);
  }
  const counts: Record<string, number> = {};
  for (const [queue, n] of Object.entries(pending)) {
    if (typeof n !== 'number') throw new Error(`fixture:stats printed ${stdout}`);
    counts[queue] = n;
  }
  return { pending: counts, failed };
}

/** Copies the fixture app into `dir` (created; must be empty) and migrates its sqlite database. */
export async function createLaravelFixture(dir: string): Promise<LaravelFixture> {
  const path = resolve(dir);
  await mkdir(path, { recursive: true });
  const existing = await readdir(path);
  if (existing.length > 0) throw new Error(`Fixture directory is not empty: ${path}`);
  await cp(TEMPLATE_DIR, path, { recursive: true, filter: isTemplateFile });
  // Laravel's sqlite connector refuses a database file that does not exist yet.
  await writeFile(join(path, 'database', 'database.sqlite'), '');
  const php = findExecutable('php');

  const artisan = async (args: readonly string[]): Promise<ArtisanResult> => {
    const result = await execa(php, [join(path, 'artisan'), ...args], {
      cwd: path,
      reject: false,
      timeout: 60_000,
      stdin: 'ignore',
    });
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode ?? -1 };
  };
  const artisanOrThrow = async (args: readonly string[]): Promise<string> => {
    const result = await artisan(args);
    if (result.exitCode !== 0) {
      throw new Error(
        `php artisan ${args.join(' ')} failed (exit ${result.exitCode}) in ${path}\n${result.stdout}\n${result.stderr}`,
      );
    }
    return result.stdout;
  };
  const stats = async (): Promise<QueueStats> =>
    parseStats(await artisanOrThrow(['fixture:stats']));
  const processedDir = join(path, 'storage', 'processed');

  await artisanOrThrow(['migrate', '--force']);

  return {
    path,
    php,
    artisan,
    async dispatch({
      queue = 'default',
      id = `job-${randomUUID().slice(0, 8)}`,
      fail = false,
      sleepSeconds = 0,
    } = {}) {
      if (!JOB_ID.test(id)) throw new Error(`Job id must match ${JOB_ID}: ${id}`);
      if (!Number.isInteger(sleepSeconds) || sleepSeconds < 0) {
        throw new Error(`sleepSeconds must be a non-negative integer: ${sleepSeconds}`);
      }
      const args = ['fixture:dispatch', id, `--queue=${queue}`, `--sleep=${sleepSeconds}`];
      if (fail) args.push('--fail');
      await artisanOrThrow(args);
      return id;
    },
    async processed() {
      const names = await readdir(processedDir);
      return names.filter((name) => JOB_ID.test(name)).sort();
    },
    async waitForProcessed(id, timeoutMs = 15_000) {
      await waitFor(
        `job ${id} to be processed by a worker of ${path}`,
        () => existsSync(join(processedDir, id)),
        {
          timeoutMs,
          intervalMs: 100,
        },
      );
    },
    async pendingCount(queue) {
      const { pending } = await stats();
      if (queue !== undefined) return pending[queue] ?? 0;
      return Object.values(pending).reduce((sum, n) => sum + n, 0);
    },
    async failedCount() {
      return (await stats()).failed;
    },
    async breakArtisan() {
      await writeFile(
        join(path, BREAK_MARKER),
        'queue:work dies at start while this file exists\n',
      );
    },
    async fixArtisan() {
      await rm(join(path, BREAK_MARKER), { force: true });
    },
  };
}
