import type { ReactNode } from 'react';
import { useSitesStore, type BatchKind } from '../store/sitesStore';
import { PlayIcon, RestartIcon, StopIcon } from '../ui/icons';
import { Spinner } from '../ui/Spinner';

const ACTIONS: Array<{ kind: BatchKind; label: string; icon: ReactNode; hint: string }> = [
  {
    kind: 'start',
    label: 'Start all',
    icon: <PlayIcon className="icon" />,
    hint: 'Start the queue workers of every site',
  },
  {
    kind: 'stop',
    label: 'Stop all',
    icon: <StopIcon className="icon" />,
    hint: 'Stop the queue workers of every site',
  },
  {
    kind: 'restart',
    label: 'Restart all',
    icon: <RestartIcon className="icon" />,
    hint: 'Restart every queue worker, e.g. after deploying new code',
  },
];

/** Every site at once, in one batched systemd call; per-site failures land in their rows. */
export function BatchActions() {
  const batch = useSitesStore((s) => s.batch);
  const runAll = useSitesStore((s) => s.runAll);
  const noSites = useSitesStore((s) => s.phase !== 'ready' || s.sites.length === 0);
  return (
    <div
      className="batch-actions"
      role="group"
      aria-label="All sites"
      aria-busy={!!batch || undefined}
    >
      {ACTIONS.map(({ kind, label, icon, hint }) => (
        <button
          key={kind}
          type="button"
          className="button button--secondary button--toolbar"
          title={noSites ? 'Add a site first' : hint}
          disabled={noSites || !!batch}
          aria-busy={batch === kind || undefined}
          onClick={() => void runAll(kind)}
        >
          {batch === kind ? <Spinner /> : icon}
          {label}
        </button>
      ))}
    </div>
  );
}
