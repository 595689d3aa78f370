import type { KeyboardEvent } from 'react';

interface WorkerTabsProps {
  workers: string[];
  selected: string;
  /** Workers with unsaved changes. */
  dirty: ReadonlySet<string>;
  panelId: string;
  tabId: (worker: string) => string;
  onSelect: (worker: string) => void;
}

/** One tab per worker, the default first; arrow keys move between them (WAI-ARIA tabs). */
export function WorkerTabs({
  workers,
  selected,
  dirty,
  panelId,
  tabId,
  onSelect,
}: WorkerTabsProps) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = workers.indexOf(selected);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % workers.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + workers.length) % workers.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? workers.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const worker = workers[next]!;
    onSelect(worker);
    document.getElementById(tabId(worker))?.focus();
  }

  return (
    <div role="tablist" aria-label="Workers" className="worker-tabs" onKeyDown={onKeyDown}>
      {workers.map((worker) => {
        const active = worker === selected;
        return (
          <button
            key={worker}
            id={tabId(worker)}
            type="button"
            role="tab"
            className="worker-tabs__tab"
            aria-selected={active}
            aria-controls={active ? panelId : undefined}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(worker)}
          >
            {worker}
            {dirty.has(worker) ? (
              <span className="worker-tabs__dirty" title="Unsaved changes">
                <span className="visually-hidden">(unsaved changes)</span>
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
