import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import type {
  ErrorView,
  FieldErrors,
  NumericField,
  SiteWorkerConfig,
  WorkerConfigView,
  WorkerField,
  WorkerOptionsPatch,
  WorkerStateName,
} from '../../../main/ipc/contract';
import { ErrorNotice } from '../feedback/ErrorNotice';
import { AlertIcon } from '../ui/icons';
import { Spinner } from '../ui/Spinner';
import { CommandPreview } from './CommandPreview';
import { ConnectionField } from './ConnectionField';
import { EnvVarsEditor } from './EnvVarsEditor';
import { FIELD_LABELS, sentence } from './fieldText';
import { NumberField } from './NumberField';
import { PhpField } from './PhpField';
import { QueueListEditor } from './QueueListEditor';
import { SwitchField } from './SwitchField';
import { isDirty, patchFrom, type WorkerDraft } from './workerDraft';

export interface WorkerFormProps {
  config: SiteWorkerConfig;
  worker: WorkerConfigView;
  draft: WorkerDraft;
  errors: FieldErrors;
  /** What systemd says about this worker now; a running worker restarts on Save. */
  liveState: WorkerStateName | null;
  sitePhp: string | null;
  saving: boolean;
  saveError: ErrorView | null;
  /** What the last save of this worker did. */
  savedText: string | null;
  onDraft: (change: (draft: WorkerDraft) => WorkerDraft) => void;
  onSave: (patch: WorkerOptionsPatch) => void;
  onLocalErrors: (errors: FieldErrors) => void;
  onDiscard: () => void;
  onDismissSaveError: () => void;
  /** The worker's name, state and Remove, above the fields. */
  header: ReactNode;
}

// Options whose "off" value leaves their flag out: off is the only value a site without them can keep.
const OFF_VALUE: Partial<Record<WorkerField, unknown>> = {
  maxJobs: 0,
  maxTime: 0,
  rest: 0,
  json: false,
};

export function WorkerForm({
  config,
  worker,
  draft,
  errors,
  liveState,
  sitePhp,
  saving,
  saveError,
  savedText,
  onDraft,
  onSave,
  onLocalErrors,
  onDiscard,
  onDismissSaveError,
  header,
}: WorkerFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const sectionId = useId();
  const { support, limits } = config;
  const dirty = isDirty(worker.options, draft);
  const restarts = liveState !== null && liveState !== 'stopped';

  // A refused save: the first field main named takes focus, so its message is read out.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    invalid?.scrollIntoView?.({ block: 'center' });
  }, [errors]);

  const warningsOf = (field: WorkerField) => worker.warnings.filter((w) => w.field === field);
  const generalWarnings = worker.warnings.filter((w) => w.field === null);

  /** Off (and explained) when this site's Laravel lacks the option and it is not in use. */
  function unsupported(field: WorkerField): string | null {
    const { supported, since } = support.options[field];
    if (supported || since === null) return null;
    if (field in OFF_VALUE && worker.options[field] !== OFF_VALUE[field]) return null;
    return `Needs Laravel ${since}+ (this site runs ${support.laravelVersion ?? 'an unknown version'}).`;
  }

  const setNumber = (field: NumericField) => (value: string) =>
    onDraft((d) => ({ ...d, numbers: { ...d.numbers, [field]: value } }));

  const number = (
    field: NumericField,
    extra: { placeholder?: string; extraHint?: string } = {},
  ) => (
    <NumberField
      field={field}
      limit={limits[field]}
      value={draft.numbers[field]}
      onChange={setNumber(field)}
      unsupported={unsupported(field)}
      warnings={warningsOf(field)}
      error={errors[field]}
      {...extra}
    />
  );

  // Messages for keys no field shows (an unknown option, a variable renamed since) go in the summary.
  const envNames = new Set(draft.env.map((row) => `env.${row.name.trim()}`));
  const unplaced = Object.entries(errors).filter(
    ([key]) => !(key in FIELD_LABELS) && !envNames.has(key),
  );
  const errorCount = Object.keys(errors).length;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const outcome = patchFrom(worker.options, draft);
    if ('errors' in outcome) onLocalErrors(outcome.errors);
    else if (Object.keys(outcome.patch).length > 0) onSave(outcome.patch);
  }

  const timeout = Number(draft.numbers.timeout);
  const stopWaitDefault = Number.isInteger(timeout) ? `${timeout + 10}` : undefined;

  return (
    <form
      ref={form}
      className="worker-form"
      aria-label={`Settings of worker ${worker.name}`}
      onSubmit={onSubmit}
      noValidate
    >
      <div className="worker-form__body">
        {header}

        {generalWarnings.map((warning) => (
          <p key={warning.code} className="config-warning config-warning--block">
            <AlertIcon className="config-warning__icon" />
            <span>{warning.message}</span>
          </p>
        ))}

        <section className="config-section" aria-labelledby={`${sectionId}-queue-title`}>
          <h3 id={`${sectionId}-queue-title`} className="config-section__title">
            Queue
          </h3>
          <div className="config-grid">
            <ConnectionField
              queueConfig={config.queueConfig}
              value={draft.connection}
              onChange={(connection) => onDraft((d) => ({ ...d, connection }))}
              warnings={warningsOf('connection')}
              error={errors.connection}
            />
            <QueueListEditor
              queues={draft.queues}
              onChange={(queues) => onDraft((d) => ({ ...d, queues }))}
              defaultQueue={worker.connection.defaultQueue}
              warnings={warningsOf('queues')}
              error={errors.queues}
            />
          </div>
        </section>

        <section className="config-section" aria-labelledby={`${sectionId}-jobs-title`}>
          <h3 id={`${sectionId}-jobs-title`} className="config-section__title">
            Jobs
          </h3>
          <div className="config-grid">
            {number('timeout')}
            {number('tries')}
            {number('backoff')}
            {number('sleep')}
            {number('rest')}
            {number('memory')}
            {number('maxJobs')}
            {number('maxTime')}
          </div>
        </section>

        <section className="config-section" aria-labelledby={`${sectionId}-processes-title`}>
          <h3 id={`${sectionId}-processes-title`} className="config-section__title">
            Processes
          </h3>
          <div className="config-grid">
            {number('processes')}
            {number('stopWaitSeconds', {
              placeholder: stopWaitDefault,
              extraHint: 'Empty: the timeout + 10 s.',
            })}
            <SwitchField
              field="force"
              label={FIELD_LABELS.force}
              hint={
                <>
                  Work jobs even while the app is down for maintenance (<code>--force</code>).
                </>
              }
              checked={draft.force}
              onChange={(force) => onDraft((d) => ({ ...d, force }))}
              unsupported={unsupported('force')}
              warnings={warningsOf('force')}
              error={errors.force}
            />
            <SwitchField
              field="json"
              label={FIELD_LABELS.json}
              hint={
                <>
                  One JSON object per job event in the log, instead of text (<code>--json</code>).
                </>
              }
              checked={draft.json}
              onChange={(json) => onDraft((d) => ({ ...d, json }))}
              unsupported={unsupported('json')}
              warnings={warningsOf('json')}
              error={errors.json}
            />
          </div>
        </section>

        <section className="config-section" aria-labelledby={`${sectionId}-env-title`}>
          <h3 id={`${sectionId}-env-title`} className="config-section__title">
            Environment
          </h3>
          <div className="config-grid">
            <EnvVarsEditor
              rows={draft.env}
              onChange={(env) => onDraft((d) => ({ ...d, env }))}
              errors={errors}
            />
            <PhpField
              value={draft.php}
              onChange={(php) => onDraft((d) => ({ ...d, php }))}
              sitePhp={sitePhp}
              warnings={warningsOf('php')}
              error={errors.php}
            />
          </div>
        </section>

        <CommandPreview
          command={worker.command}
          processes={worker.options.processes}
          stale={dirty}
        />
      </div>

      <div className="worker-form__footer">
        {saveError ? (
          <ErrorNotice
            title="The settings were not saved"
            error={saveError}
            onDismiss={onDismissSaveError}
          />
        ) : null}
        <div className="worker-form__actions">
          <div className="worker-form__outcome">
            {errorCount > 0 ? (
              <div role="alert" className="worker-form__refused">
                <p>
                  Nothing was saved:{' '}
                  {errorCount === 1 ? 'a value needs' : `${errorCount} values need`} fixing.
                </p>
                {unplaced.length > 0 ? (
                  <ul>
                    {unplaced.map(([key, message]) => (
                      <li key={key}>
                        {key}: {sentence(message)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
            <p role="status" className="worker-form__saved">
              {errorCount === 0 && savedText ? savedText : ''}
            </p>
          </div>
          <button
            type="button"
            className="button button--secondary"
            disabled={!dirty || saving}
            onClick={onDiscard}
          >
            Discard changes
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={!dirty || saving}
            aria-busy={saving || undefined}
          >
            {saving ? <Spinner /> : null}
            {saving
              ? restarts
                ? 'Saving and restarting…'
                : 'Saving…'
              : restarts
                ? 'Save and restart'
                : 'Save'}
          </button>
        </div>
      </div>
    </form>
  );
}
