import { useId } from 'react';
import type { QueueConfig, WorkerWarning } from '../../../main/ipc/contract';
import { useFieldMessages } from './FieldMessages';
import { FIELD_LABELS } from './fieldText';

interface ConnectionFieldProps {
  queueConfig: QueueConfig;
  value: string;
  onChange: (value: string) => void;
  warnings: readonly WorkerWarning[];
  error: string | undefined;
}

/** Driver, retry_after and default queue of the connection the draft would use. */
function connectionFacts(queueConfig: QueueConfig, value: string): string | null {
  const name = value || queueConfig.defaultConnection;
  const connection = queueConfig.connections.find((c) => c.name === name);
  if (!connection) return null;
  const facts = [`Driver ${connection.driver ?? 'unknown'}`];
  facts.push(
    connection.retryAfter === null
      ? 'no retry_after'
      : `retry_after ${connection.retryAfter} s (keep the timeout below it)`,
  );
  if (connection.queue) facts.push(`default queue “${connection.queue}”`);
  return `${facts.join(' · ')}.`;
}

/** A select of the app's connections when its config could be read, else a text field. */
export function ConnectionField({
  queueConfig,
  value,
  onChange,
  warnings,
  error,
}: ConnectionFieldProps) {
  const id = useId();
  const known = queueConfig.source !== 'none' && queueConfig.connections.length > 0;
  const facts = connectionFacts(queueConfig, value);
  const hint = known
    ? `From the app’s config/queue.php${queueConfig.source === 'file' ? ' (read as text)' : ''}. ${facts ?? ''}`
    : 'A connection name from the app’s config/queue.php; empty uses the app’s default.';
  const { describedBy, invalid, messages } = useFieldMessages({
    hint: hint.trim(),
    note: queueConfig.problem
      ? `The app’s queue config could not be read: ${queueConfig.problem}`
      : null,
    warnings,
    error,
  });
  const names = queueConfig.connections.map((c) => c.name);

  return (
    <div className="config-field" data-field="connection">
      <label htmlFor={id} className="config-label">
        {FIELD_LABELS.connection}
      </label>
      {known ? (
        <select
          id={id}
          className="config-select"
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">
            App default{queueConfig.defaultConnection ? ` (${queueConfig.defaultConnection})` : ''}
          </option>
          {queueConfig.connections.map((connection) => (
            <option key={connection.name} value={connection.name}>
              {connection.name}
              {connection.driver ? ` — ${connection.driver}` : ''}
            </option>
          ))}
          {value && !names.includes(value) ? (
            <option value={value}>{value} — not in config/queue.php</option>
          ) : null}
        </select>
      ) : (
        <input
          id={id}
          className="text-input text-input--mono"
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder="App default"
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {messages}
    </div>
  );
}
