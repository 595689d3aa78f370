import type { LogEntry } from './logBuffer';
import { KIND_LABELS } from './logKinds';

/** One line: its kind as a word, its process when the worker runs several, then the text. */
export function LogLineRow({ entry, showInstance }: { entry: LogEntry; showInstance: boolean }) {
  const kind = KIND_LABELS[entry.kind];
  return (
    <>
      <span className="log-line__kind">{kind}</span>
      {showInstance ? (
        <span className="log-line__instance" title={`Process ${entry.instance}`}>
          {entry.instance}
        </span>
      ) : null}
      <span className="log-line__text">{entry.text}</span>
    </>
  );
}
