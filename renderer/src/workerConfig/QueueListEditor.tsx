import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { WorkerWarning } from '../../../main/ipc/contract';
import { ArrowDownIcon, ArrowUpIcon, CloseIcon } from '../ui/icons';
import { useFieldMessages } from './FieldMessages';
import { FIELD_LABELS } from './fieldText';

interface QueueListEditorProps {
  queues: string[];
  onChange: (queues: string[]) => void;
  /** The queue worked when the list is empty (the connection's default), if known. */
  defaultQueue: string | null;
  warnings: readonly WorkerWarning[];
  error: string | undefined;
}

type QueueAction = 'up' | 'down' | 'remove';

/** Where focus goes after the list changed under it: a button, or the new-queue field. */
type FocusTarget = { queue: string; action: QueueAction } | { input: true };

function moved(list: string[], from: number, to: number): string[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * An ordered list: the worker takes jobs from the first queue, and from the next only while
 * the earlier ones are empty. Every change is a button, so it all works from the keyboard.
 */
export function QueueListEditor({
  queues,
  onChange,
  defaultQueue,
  warnings,
  error,
}: QueueListEditorProps) {
  const legendId = useId();
  const inputId = useId();
  const [newQueue, setNewQueue] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const pendingFocus = useRef<FocusTarget | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const empty = defaultQueue
    ? `the connection’s default queue, “${defaultQueue}”`
    : 'the connection’s default queue';
  const { describedBy, invalid, messages } = useFieldMessages({
    hint: `In priority order: jobs on a later queue wait until the earlier ones are empty. With no queue listed, the worker takes ${empty}.`,
    warnings,
    error: error ?? localError ?? undefined,
  });

  // Moving an item can disable the button just pressed (it reached an end): focus its other arrow.
  useEffect(() => {
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (!target) return;
    if ('input' in target) {
      input.current?.focus();
      return;
    }
    const item = [...(list.current?.children ?? [])].find(
      (element) => element instanceof HTMLElement && element.dataset.queue === target.queue,
    );
    const buttons = [...(item?.querySelectorAll('button') ?? [])];
    const byAction = (action: QueueAction) =>
      buttons.find((b) => b.dataset.action === action && !b.disabled);
    const other = target.action === 'up' ? 'down' : 'up';
    (byAction(target.action) ?? byAction(other) ?? byAction('remove'))?.focus();
  }, [queues]);

  function add() {
    const name = newQueue.trim();
    if (name === '') {
      setLocalError('Type a queue name first.');
      return;
    }
    if (queues.includes(name)) {
      setLocalError(`“${name}” is already in the list.`);
      return;
    }
    setLocalError(null);
    setNewQueue('');
    onChange([...queues, name]);
  }

  function move(index: number, by: -1 | 1) {
    const queue = queues[index]!;
    onChange(moved(queues, index, index + by));
    pendingFocus.current = { queue, action: by < 0 ? 'up' : 'down' };
  }

  function remove(index: number) {
    const next = queues.filter((_, i) => i !== index);
    onChange(next);
    // The next item's remove button, else the previous one's, else the field to add one.
    const neighbour = next[index] ?? next[index - 1];
    pendingFocus.current = neighbour ? { queue: neighbour, action: 'remove' } : { input: true };
  }

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    // Enter adds the queue here; it must not submit the whole form.
    event.preventDefault();
    add();
  }

  return (
    <fieldset
      className="config-field config-field--wide"
      data-field="queues"
      aria-describedby={describedBy}
    >
      <legend id={legendId} className="config-label">
        {FIELD_LABELS.queues}
      </legend>
      {queues.length > 0 ? (
        <ol ref={list} className="queue-list" aria-labelledby={legendId}>
          {queues.map((queue, index) => (
            <li key={queue} className="queue-list__item" data-queue={queue}>
              <span className="queue-list__position" aria-hidden="true">
                {index + 1}
              </span>
              <span className="queue-list__name">{queue}</span>
              <span className="queue-list__actions">
                <button
                  type="button"
                  className="icon-button"
                  data-action="up"
                  aria-label={`Move ${queue} up`}
                  title="Move up"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  <ArrowUpIcon className="icon" />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  data-action="down"
                  aria-label={`Move ${queue} down`}
                  title="Move down"
                  disabled={index === queues.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <ArrowDownIcon className="icon" />
                </button>
                <button
                  type="button"
                  className="icon-button icon-button--danger"
                  data-action="remove"
                  aria-label={`Remove queue ${queue}`}
                  title="Remove"
                  onClick={() => remove(index)}
                >
                  <CloseIcon className="icon" />
                </button>
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="queue-list__empty">No queue listed: the worker takes {empty}.</p>
      )}
      <div className="queue-add">
        <label htmlFor={inputId} className="visually-hidden">
          New queue name
        </label>
        <input
          ref={input}
          id={inputId}
          className="text-input text-input--mono"
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder="Queue name, e.g. emails"
          value={newQueue}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(event) => {
            setNewQueue(event.target.value);
            setLocalError(null);
          }}
          onKeyDown={onInputKeyDown}
        />
        <button type="button" className="button button--secondary button--small" onClick={add}>
          Add queue
        </button>
      </div>
      {messages}
    </fieldset>
  );
}
