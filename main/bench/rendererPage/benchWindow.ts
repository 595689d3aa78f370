// Runs in the page before the app (bundled into an init script): a window.servermark that
// serves N generated sites, and a count of row renders and commits taken from React's
// DevTools hook, which production React reports to; the app itself carries no bench code.
import type { LogLine, PushChannel, SiteStatus } from '../../ipc/contract';
import { createServerMarkApi } from '../../../preload/serverMarkApi';

interface Fiber {
  tag: number;
  type: unknown;
  memoizedProps: Record<string, unknown> | null;
  memoizedState: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
  return: Fiber | null;
}

export interface BenchPage {
  statusServedAt: number;
  /** Each commit: performance.now() after its layout, and the site rows then in the DOM. */
  commits: Array<{ at: number; rows: number }>;
  rowRenders: number;
  rowsInDom(): number;
  /** Main pushes the whole list to a window that had none; returns when (performance.now()). */
  showSites(): number;
  /** Main pushes every site re-read (new readAt), with site `index` now in `state`. */
  pushChange(index: number, state: SiteStatus['state']): void;
  /** Log lines followed so far (the log view asked for them). */
  logFollowed: boolean;
  /**
   * Pushes `total` log lines, `perFrame` per animation frame as a busy worker's log would
   * stream them, and resolves with each frame's length in ms.
   */
  streamLogLines(total: number, perFrame: number): Promise<number[]>;
}

declare global {
  interface Window {
    __benchSiteCount: number;
    /** The window starts with no sites; showSites() then brings them all at once. */
    __benchStartEmpty?: boolean;
    __bench: BenchPage;
    __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown;
  }
}

const count = window.__benchSiteCount;
let clock = Date.parse('2026-12-04T10:00:00Z');

function site(index: number, state: SiteStatus['state'], readAt: string): SiteStatus {
  const id = `s${String(index).padStart(7, '0')}`;
  const name = `site-${String(index).padStart(4, '0')}`;
  const unit = `servermark-queue-${name}_${id}_default@1.service`;
  return {
    site: id,
    name,
    path: `/home/dev/code/${name}`,
    php: '/usr/bin/php8.2',
    laravelVersion: '10.48.4',
    state,
    reason: null,
    units: [unit],
    workers: [
      {
        name: 'default',
        state,
        reason: null,
        processes: 1,
        running: state === 'running' ? 1 : 0,
        units: [
          {
            unit,
            state,
            activeState: state === 'running' ? 'active' : 'inactive',
            subState: state === 'running' ? 'running' : 'dead',
            pid: state === 'running' ? 1000 + index : null,
            since: state === 'running' ? '2026-12-04T09:00:00.000Z' : null,
            restarts: 0,
            reason: null,
            lastExit: null,
          },
        ],
      },
    ],
    readAt,
  } as SiteStatus;
}

let states: SiteStatus['state'][] = Array.from({ length: count }, () => 'running');
const list = () => {
  clock += 1000;
  const readAt = new Date(clock).toISOString();
  return states.map((state, index) => site(index, state, readAt));
};

const listeners = new Map<PushChannel, Set<(payload: unknown) => void>>();
const bench: BenchPage = {
  statusServedAt: 0,
  commits: [],
  rowRenders: 0,
  rowsInDom: () => document.querySelectorAll('[aria-label="Sites"] > [role="listitem"]').length,
  showSites() {
    const payload = list();
    const at = performance.now();
    listeners.get('status:changed')?.forEach((listener) => listener(payload));
    return at;
  },
  pushChange(index, state) {
    states = states.map((s, i) => (i === index ? state : s));
    const payload = list();
    listeners.get('status:changed')?.forEach((listener) => listener(payload));
  },
  logFollowed: false,
  streamLogLines(total, perFrame) {
    return new Promise((done) => {
      const frames: number[] = [];
      let sent = 0;
      let last = 0;
      const frame = (now: number) => {
        if (last) frames.push(now - last);
        last = now;
        if (sent >= total) return done(frames);
        const lines: LogLine[] = [];
        for (let i = 0; i < perFrame && sent < total; i++, sent++) lines.push(logLine(logSeq++));
        listeners
          .get('logs:lines')
          ?.forEach((listener) => listener({ followId: FOLLOW_ID, lines }));
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  },
};

const FOLLOW_ID = 'bench-follow';
let logSeq = 0;
const KINDS = ['processing', 'processed', 'processing', 'failed'] as const;
function logLine(n: number): LogLine {
  const kind = KINDS[n % KINDS.length]!;
  const word = { processing: 'Processing:', processed: 'Processed: ', failed: 'Failed:    ' }[kind];
  const second = String(n % 60).padStart(2, '0');
  return {
    text: `[2026-12-04 10:00:${second}][job-${n}] ${word} App\\Jobs\\SendInvoiceReminder`,
    instance: '1',
    at: `2026-12-04T10:00:${second}`,
    kind,
  };
}
window.__bench = bench;

Object.defineProperty(window, 'servermark', {
  value: Object.freeze(
    createServerMarkApi({
      async invoke(channel) {
        if (channel === 'sites:status') {
          const value = window.__benchStartEmpty ? [] : list();
          bench.statusServedAt = performance.now();
          return { ok: true, value };
        }
        if (channel === 'logs:follow') {
          bench.logFollowed = true;
          const value = { followId: FOLLOW_ID, lines: [], files: [], source: 'files', more: false };
          return { ok: true, value };
        }
        if (channel === 'logs:unfollow') return { ok: true, value: true };
        return { ok: false, error: { code: 'INTERNAL', message: 'Not part of the benchmark.' } };
      },
      subscribe(channel, listener) {
        const set = listeners.get(channel) ?? new Set();
        listeners.set(channel, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    }),
  ),
});

// React fiber tags: a row is the function component that renders <li role="listitem">.
const FUNCTION_COMPONENT = 0;
const HOST_COMPONENT = 5;
const lastSeen = new Map<string, { props: unknown; state: unknown }>();

function countRowRenders(root: Fiber): void {
  const stack: Fiber[] = [root];
  while (stack.length > 0) {
    const fiber = stack.pop()!;
    if (
      fiber.tag === HOST_COMPONENT &&
      fiber.type === 'li' &&
      fiber.memoizedProps?.role === 'listitem'
    ) {
      let owner = fiber.return;
      while (owner && owner.tag !== FUNCTION_COMPONENT) owner = owner.return;
      const key = String(fiber.memoizedProps['aria-label']);
      const last = lastSeen.get(key);
      // A component that ran this commit has new props or a new hook list; one React skipped
      // keeps both objects from the last commit.
      if (owner && (last?.props !== owner.memoizedProps || last?.state !== owner.memoizedState)) {
        bench.rowRenders++;
        lastSeen.set(key, { props: owner.memoizedProps, state: owner.memoizedState });
      }
    }
    if (fiber.sibling) stack.push(fiber.sibling);
    if (fiber.child) stack.push(fiber.child);
  }
}

window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  renderers: new Map(),
  inject: () => 1,
  checkDCE() {},
  onScheduleFiberRoot() {},
  onCommitFiberUnmount() {},
  onPostCommitFiberRoot() {},
  onCommitFiberRoot(_renderer: number, root: { current: Fiber }) {
    countRowRenders(root.current);
    // Layout is part of showing the list: pay it here, inside the measured time.
    void document.documentElement.getBoundingClientRect();
    bench.commits.push({ at: performance.now(), rows: bench.rowsInDom() });
  },
};
