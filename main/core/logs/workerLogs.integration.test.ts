// Worker logs end to end: a real user manager runs a real Laravel worker whose output systemd
// appends to a file under a hostile state directory; the core reads, follows and rotates it.
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_DIR_NAME } from '../../testing/hostilePath';
import { createLaravelFixture, type LaravelFixture } from '../../testing/laravelFixture';
import { startUserManager, type UserManager } from '../../testing/userManager';
import { waitFor } from '../../testing/waitFor';
import type { SiteRecord } from '../sites/siteRecord';
import { createServerMark, type ServerMark } from '../serverMark';
import { DEFAULT_SETTINGS } from '../settings/settings';
import type { LogLine } from './logLine';

const JOB = 'App\\Jobs\\FixtureJob';

describe('worker logs against a real user manager and Laravel app', () => {
  let root: string;
  let manager: UserManager;
  let app: LaravelFixture;
  let core: ServerMark;
  let site: SiteRecord;

  const read = async (lines = 100_000) => core.logs.read(site.id, { lines });
  const texts = async () => (await read()).lines.map((l) => l.text);
  /** The newest line now: what a later waitForLine looks after. */
  const newest = async () => (await read(1)).lines.at(-1)?.text;
  /** Waits until the log has a line matching `pattern` after the last line equal to `since`. */
  const waitForLine = (what: string, pattern: RegExp, since?: string) =>
    waitFor(
      what,
      async () => {
        const lines = (await read(2000)).lines;
        const from = since === undefined ? 0 : lines.map((l) => l.text).lastIndexOf(since) + 1;
        return lines.slice(from).find((line) => pattern.test(line.text));
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  const mainPid = async () =>
    waitFor('a running worker process', async () => {
      const [status] = await core.status([site.id]);
      const unit = status?.workers[0]?.units[0];
      return status?.state === 'running' && unit?.pid ? unit.pid : null;
    });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'servermark-logs-'));
    [manager, app] = await Promise.all([
      startUserManager(),
      createLaravelFixture(join(root, 'sites', HOSTILE_DIR_NAME)),
    ]);
    // Logs under a state directory with spaces, quotes, $, % and non-ASCII, as the app path.
    core = createServerMark({
      env: { ...manager.env, XDG_STATE_HOME: join(root, `state ${HOSTILE_DIR_NAME}`) },
    });
    site = await core.addSite({ directory: app.path });
  });

  afterAll(async () => {
    if (site) await core.removeSite(site.id).catch(() => undefined);
    await manager?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('shows the start, then Processing/Processed for a job and Failed for a failing one', async () => {
    await core.startWorkers(site.id);
    await mainPid();
    const start = await waitForLine('the start line', /starting: /);
    expect(start).toMatchObject({ kind: 'servermark', instance: '1', at: expect.any(String) });
    expect(start.text).toMatch(
      new RegExp(
        `^\\[ServerMark\\] \\S+Z process 1 starting: ${site.php} artisan queue:work --sleep=3 --tries=3 --timeout=60 --max-time=3600$`,
      ),
    );
    const { files, source } = await read();
    expect(source).toBe('files');
    expect(files).toEqual([expect.stringMatching(/\/servermark-queue-[^/]+_default@1\.log$/)]);
    expect(files[0]!.startsWith(core.paths.logDir)).toBe(true);
    expect(core.paths.logDir).toContain(HOSTILE_DIR_NAME);

    const job = await app.dispatch();
    await app.waitForProcessed(job, 30_000);
    const processed = await waitForLine(
      'a Processed line',
      /\] Processed: +App\\Jobs\\FixtureJob$/,
    );
    expect(processed).toMatchObject({ kind: 'processed', at: expect.stringMatching(/^\d{4}-/) });
    const lines = (await read()).lines;
    expect(lines.some((l) => l.kind === 'processing' && l.text.endsWith(JOB))).toBe(true);

    await app.dispatch({ fail: true });
    const failed = await waitForLine('a Failed line', /\] Failed: +App\\Jobs\\FixtureJob$/);
    expect(failed.kind).toBe('failed');
  });

  it('follows: new lines arrive as the worker writes them', async () => {
    await mainPid();
    const seen: LogLine[] = [];
    const follow = await core.logs.follow(site.id, { lines: 5 }, (batch) => seen.push(...batch));
    try {
      expect(follow.initial.lines).toHaveLength(5);
      expect(seen).toEqual([]);
      const job = await app.dispatch();
      await app.waitForProcessed(job, 30_000);
      await waitFor('the follower to see Processed', () =>
        seen.some((l) => l.kind === 'processed' && l.text.endsWith(JOB)),
      );
      // Only new lines: nothing from before the follow began is repeated.
      const initial = new Set(follow.initial.lines.map((l) => l.text));
      expect(seen.filter((l) => initial.has(l.text))).toEqual([]);
    } finally {
      await follow.stop();
    }
  });

  it('records a crash (kill -9) and the automatic restart that follows', async () => {
    const pid = await mainPid();
    const before = await newest();
    process.kill(pid, 'SIGKILL');
    const killed = await waitForLine(
      'the killed line',
      /process 1 was killed by signal SIGKILL \(systemd result: signal\)$/,
      before,
    );
    expect(killed.kind).toBe('servermark');
    const restart = await waitForLine('the restart line', /process 1 starting: /, killed.text);
    expect(restart.kind).toBe('servermark');
    expect(await mainPid()).not.toBe(pid);
  });

  it('rotates over the cap by copy+truncate: systemd writes on at the start, a follower loses nothing', async () => {
    const cap = 64 * 1024;
    await core.settings.update({ logMaxBytes: cap });
    try {
      await mainPid();
      const [file] = (await read()).files;
      // Filler through an O_APPEND descriptor, as systemd's own: 1200 lines, about 80 KB.
      const fill = async (tag: string) => {
        const writer = await open(file!, 'a');
        for (let i = 0; i < 1200; i++) await writer.write(`${tag} ${i} ${'x'.repeat(60)}\n`);
        await writer.close();
      };

      // What the app's timer does every minute.
      await fill('first');
      expect(await core.logs.rotateIfNeeded()).toEqual([file]);
      expect((await stat(file!)).size).toBeLessThan(cap);
      const older = await readFile(`${file}.1`, 'utf8');
      expect(older).toContain('first 1199 ');
      expect(older).toMatch(/process 1 starting: /);

      // A follower rotates what it follows, and reads on across the cut.
      const seen: LogLine[] = [];
      const follow = await core.logs.follow(site.id, {}, (batch) => seen.push(...batch));
      try {
        await fill('filler');
        const job = await app.dispatch();
        await app.waitForProcessed(job, 30_000);
        await waitFor('the follower to see Processed after the cut', () =>
          seen.some((l) => l.kind === 'processed'),
        );
        expect((await stat(file!)).size).toBeLessThan(cap);
        expect(await readFile(`${file}.1`, 'utf8')).toContain('filler ');
        // systemd's descriptor appends at the new end: no hole of NULs where the old data was.
        const current = await readFile(file!);
        expect(current.includes(0)).toBe(false);
        expect(current.toString('utf8')).toMatch(/\] Processed: +App\\Jobs\\FixtureJob\n/);

        const fillers = seen.filter((l) => l.text.startsWith('filler '));
        expect(fillers.map((l) => Number(l.text.split(' ')[1]))).toEqual(
          Array.from({ length: 1200 }, (_, i) => i),
        );
        // A read of more lines than the current file holds reaches into .1.
        const tail = (await read(1300)).lines.map((l) => l.text);
        expect(tail.some((t) => t.startsWith('filler 1199 '))).toBe(true);
        expect(tail.at(-1)).toMatch(/\] Processed: +App\\Jobs\\FixtureJob$/);
      } finally {
        await follow.stop();
      }

      // Restarting a worker rotates first, so its markers land in a file under the cap.
      const writer = await open(file!, 'a');
      for (let i = 0; i < 1200; i++) await writer.write(`second ${i} ${'y'.repeat(60)}\n`);
      await writer.close();
      const beforeRestart = await newest();
      await core.restartWorkers(site.id);
      expect(await readFile(`${file}.1`, 'utf8')).toContain('second 1199 ');
      await waitForLine('the start after the restart', /process 1 starting: /, beforeRestart);
      const restarted = await readFile(file!, 'utf8');
      expect(restarted).not.toContain('second 1199 ');
      expect(restarted).toMatch(
        /process 1 stopping: SIGTERM, the current job may finish first \(up to 70 s\)\n/,
      );
      expect((await stat(file!)).size).toBeLessThan(cap);
    } finally {
      await core.settings.update({ logMaxBytes: DEFAULT_SETTINGS.logMaxBytes });
    }
  });

  it('reads the last lines of a 100 000-line log exactly', async () => {
    const [file] = (await read()).files;
    const writer = await open(file!, 'a');
    const lines = Array.from({ length: 100_000 }, (_, i) => `bulk line ${i}`);
    await writer.write(`${lines.join('\n')}\n`);
    await writer.close();
    const last = (await read(10)).lines.map((l) => l.text);
    // The worker may add a line of its own meanwhile; ours are the newest otherwise.
    expect(last.filter((t) => t.startsWith('bulk line '))).toEqual(
      lines.slice(-last.filter((t) => t.startsWith('bulk line ')).length),
    );
    const all = (await read(100_000)).lines;
    expect(all).toHaveLength(100_000);
  });

  it('records a requested stop and how the process then exited', async () => {
    const before = await newest();
    await core.stopWorkers(site.id);
    const stopping = await waitForLine('the stop line', /process 1 stopping: SIGTERM/, before);
    expect(stopping.kind).toBe('servermark');
    const exited = await waitForLine(
      'the exit line',
      /process 1 exited normally \(status 0\) \(systemd result: success\)$/,
      before,
    );
    expect(exited.kind).toBe('servermark');
    // The log outlives the stopped worker's units.
    expect((await texts()).at(-1)).toBe(exited.text);
  });
});
