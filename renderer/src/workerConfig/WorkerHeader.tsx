import { useEffect, useRef, useState } from 'react';
import type { WorkerStatus } from '../../../main/ipc/contract';
import { ErrorNotice } from '../feedback/ErrorNotice';
import { StateBadge } from '../sites/StateBadge';
import { Spinner } from '../ui/Spinner';
import { TrashIcon } from '../ui/icons';
import { useWorkerConfigStore } from './workerConfigStore';

interface WorkerHeaderProps {
  worker: string;
  /** systemd's view of the worker now; null until main reported it. */
  live: WorkerStatus | null;
  /** A site keeps at least one worker. */
  onlyWorker: boolean;
}

function processText(live: WorkerStatus): string {
  return live.processes === 1
    ? `1 process`
    : `${live.running} of ${live.processes} processes running`;
}

/** The worker's name, its live state, and Remove (with a confirmation in place). */
export function WorkerHeader({ worker, live, onlyWorker }: WorkerHeaderProps) {
  const removingWorker = useWorkerConfigStore((s) => s.removingWorker);
  const removeError = useWorkerConfigStore((s) => s.removeError);
  const removeWorker = useWorkerConfigStore((s) => s.removeWorker);
  const dismissErrors = useWorkerConfigStore((s) => s.dismissErrors);
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const removing = removingWorker === worker;

  // Cancel takes focus first: Enter right after "Remove worker" must not delete anything.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  return (
    <div className="worker-header">
      <div className="worker-header__identity">
        <h3 className="worker-header__title">
          Worker <span className="worker-header__name">{worker}</span>
        </h3>
        {live ? (
          <span className="worker-header__state" data-testid="worker-live-state">
            <StateBadge state={live.state} size="small" testId="worker-state-badge" />
            <span>{processText(live)}</span>
          </span>
        ) : null}
      </div>
      {confirming ? (
        <div
          className="worker-header__confirm"
          role="group"
          aria-label={`Remove worker ${worker}?`}
        >
          <p>Its processes stop after their current job, and its settings are deleted.</p>
          <button
            ref={cancel}
            type="button"
            className="button button--secondary button--small"
            onClick={() => setConfirming(false)}
          >
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger button--small"
            disabled={removing}
            aria-busy={removing || undefined}
            onClick={() => void removeWorker(worker).then(() => setConfirming(false))}
          >
            {removing ? <Spinner /> : null}
            Remove worker {worker}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button button--quiet worker-header__remove"
          disabled={onlyWorker}
          title={onlyWorker ? 'A site keeps at least one worker' : undefined}
          onClick={() => setConfirming(true)}
        >
          <TrashIcon className="icon" />
          Remove worker
        </button>
      )}
      {removeError ? (
        <div className="worker-header__error">
          <ErrorNotice
            title="The worker was not removed"
            error={removeError}
            onDismiss={dismissErrors}
          />
        </div>
      ) : null}
    </div>
  );
}
