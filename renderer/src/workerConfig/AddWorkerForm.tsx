import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice';
import { PlusIcon } from '../ui/icons';
import { Spinner } from '../ui/Spinner';
import { sentence } from './fieldText';
import { useWorkerConfigStore } from './workerConfigStore';

/** "Add worker": a name, then main creates it with the default options (and starts it if the site runs). */
export function AddWorkerForm() {
  const adding = useWorkerConfigStore((s) => s.adding);
  const addErrors = useWorkerConfigStore((s) => s.addErrors);
  const addError = useWorkerConfigStore((s) => s.addError);
  const addWorker = useWorkerConfigStore((s) => s.addWorker);
  const clearAddErrors = useWorkerConfigStore((s) => s.clearAddErrors);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const nameError = addErrors?.name;
  // Any other refused option would be a bug; it is still shown rather than lost.
  const otherErrors = Object.entries(addErrors ?? {}).filter(([key]) => key !== 'name');

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  function close() {
    setOpen(false);
    setName('');
    clearAddErrors();
    // The opener is back once the form is gone.
    requestAnimationFrame(() => opener.current?.focus());
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await addWorker(name.trim())) {
      setOpen(false);
      setName('');
    } else {
      input.current?.focus();
    }
  }

  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        className="button button--secondary button--small add-worker__open"
        onClick={() => setOpen(true)}
      >
        <PlusIcon className="icon" />
        Add worker
      </button>
    );
  }

  return (
    <form
      className="add-worker"
      aria-label="Add worker"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      <div className="add-worker__row">
        <label htmlFor={inputId} className="add-worker__label">
          New worker name
        </label>
        <input
          ref={input}
          id={inputId}
          className="text-input text-input--mono add-worker__input"
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder="e.g. emails"
          value={name}
          aria-describedby={nameError ? `${errorId} ${hintId}` : hintId}
          aria-invalid={nameError ? true : undefined}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              // Closes this form only, not the dialog.
              event.stopPropagation();
              close();
            }
          }}
        />
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={adding}
          aria-busy={adding || undefined}
        >
          {adding ? <Spinner /> : null}
          Add
        </button>
        <button type="button" className="button button--secondary button--small" onClick={close}>
          Cancel
        </button>
      </div>
      {nameError ? (
        <p id={errorId} className="config-error">
          {sentence(nameError)}
        </p>
      ) : null}
      {otherErrors.map(([key, message]) => (
        <p key={key} className="config-error">
          {key}: {sentence(message)}
        </p>
      ))}
      <p id={hintId} className="config-hint">
        Lowercase letters, digits and dashes. It starts with the default settings, at once if the
        site’s workers run.
      </p>
      {addError ? <ErrorNotice title="The worker was not added" error={addError} /> : null}
    </form>
  );
}
