import type { WorkerStateName } from '../../../main/ipc/contract';
import { STATE_LABELS } from './stateText';

interface StateBadgeProps {
  state: WorkerStateName;
  size?: 'normal' | 'small';
  /** The site's badge is "state-badge"; a process's own badge needs another id. */
  testId?: string;
}

/** systemd's state and nothing else: in-flight operations are shown beside the switch. */
export function StateBadge({ state, size = 'normal', testId = 'state-badge' }: StateBadgeProps) {
  return (
    <span
      className={`badge badge--${state}${size === 'small' ? ' badge--small' : ''}`}
      data-testid={testId}
    >
      <span className="badge__dot" aria-hidden="true" />
      {STATE_LABELS[state]}
    </span>
  );
}
