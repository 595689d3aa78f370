import type { WorkerStateName } from '../../../main/ipc/contract';
import { STATE_LABELS } from './stateText';

/** systemd's state and nothing else: in-flight operations are shown beside the switch. */
export function StateBadge({ state }: { state: WorkerStateName }) {
  return (
    <span className={`badge badge--${state}`} data-testid="state-badge">
      <span className="badge__dot" aria-hidden="true" />
      {STATE_LABELS[state]}
    </span>
  );
}
