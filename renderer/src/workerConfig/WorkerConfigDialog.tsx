import { useId, useMemo } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice';
import { useSitesStore } from '../store/sitesStore';
import { ModalDialog } from '../ui/ModalDialog';
import { Spinner } from '../ui/Spinner';
import { AddWorkerForm } from './AddWorkerForm';
import { useWorkerConfigStore } from './workerConfigStore';
import { isDirty } from './workerDraft';
import { WorkerForm } from './WorkerForm';
import { WorkerHeader } from './WorkerHeader';
import { WorkerTabs } from './WorkerTabs';
import './workerConfig.css';

/** A site's workers and every option of each, from the row's "Configure". */
export function WorkerConfigDialog() {
  const target = useWorkerConfigStore((s) => s.target);
  return target ? (
    <WorkerConfigDialogContent siteId={target.siteId} siteName={target.siteName} />
  ) : null;
}

function WorkerConfigDialogContent({ siteId, siteName }: { siteId: string; siteName: string }) {
  const config = useWorkerConfigStore((s) => s.config);
  const loading = useWorkerConfigStore((s) => s.loading);
  const loadError = useWorkerConfigStore((s) => s.loadError);
  const load = useWorkerConfigStore((s) => s.load);
  const close = useWorkerConfigStore((s) => s.close);

  return (
    <ModalDialog
      title={<>Worker settings · {siteName}</>}
      closeLabel="Close worker settings"
      onClose={close}
      className="worker-config"
      headerClassName="worker-config__header"
      subtitle={
        config ? (
          <p className="worker-config__subtitle">
            Laravel {config.support.laravelVersion ?? 'version unknown'} · changes to a running
            worker restart it gracefully: its current job finishes first.
          </p>
        ) : null
      }
    >
      {config ? (
        <WorkerPanels siteId={siteId} />
      ) : loading ? (
        <p className="dialog__loading worker-config__loading" role="status">
          <Spinner /> Reading the workers’ settings and the app’s queue config…
        </p>
      ) : loadError ? (
        <div className="worker-config__load-error">
          <ErrorNotice title="Could not read the worker settings" error={loadError}>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => void load()}
            >
              Retry
            </button>
          </ErrorNotice>
        </div>
      ) : null}
    </ModalDialog>
  );
}

function WorkerPanels({ siteId }: { siteId: string }) {
  const config = useWorkerConfigStore((s) => s.config)!;
  const selected = useWorkerConfigStore((s) => s.selected);
  const drafts = useWorkerConfigStore((s) => s.drafts);
  const fieldErrors = useWorkerConfigStore((s) => s.fieldErrors);
  const savingWorker = useWorkerConfigStore((s) => s.savingWorker);
  const saveError = useWorkerConfigStore((s) => s.saveError);
  const saved = useWorkerConfigStore((s) => s.saved);
  const select = useWorkerConfigStore((s) => s.select);
  const updateDraft = useWorkerConfigStore((s) => s.updateDraft);
  const discard = useWorkerConfigStore((s) => s.discard);
  const save = useWorkerConfigStore((s) => s.save);
  const showFieldErrors = useWorkerConfigStore((s) => s.showFieldErrors);
  const dismissErrors = useWorkerConfigStore((s) => s.dismissErrors);
  const site = useSitesStore((s) => s.sites.find((x) => x.site === siteId) ?? null);
  const base = useId();
  const panelId = `${base}-panel`;
  const tabId = (worker: string) => `${base}-tab-${worker}`;

  const names = config.workers.map((w) => w.name);
  const worker = config.workers.find((w) => w.name === selected) ?? config.workers[0];
  const dirty = useMemo(
    () =>
      new Set(
        config.workers
          .filter((w) => drafts[w.name] && isDirty(w.options, drafts[w.name]!))
          .map((w) => w.name),
      ),
    [config, drafts],
  );
  if (!worker) return null;
  const draft = drafts[worker.name];
  const live = site?.workers.find((w) => w.name === worker.name) ?? null;

  return (
    <>
      <div className="worker-config__bar">
        <WorkerTabs
          workers={names}
          selected={worker.name}
          dirty={dirty}
          panelId={panelId}
          tabId={tabId}
          onSelect={select}
        />
        <AddWorkerForm />
      </div>
      <div
        id={panelId}
        role="tabpanel"
        aria-labelledby={tabId(worker.name)}
        className="worker-config__panel"
      >
        {draft ? (
          <WorkerForm
            key={worker.name}
            config={config}
            worker={worker}
            draft={draft}
            errors={fieldErrors[worker.name] ?? {}}
            liveState={live?.state ?? null}
            sitePhp={site?.php ?? null}
            saving={savingWorker === worker.name}
            saveError={saveError}
            savedText={saved?.worker === worker.name ? saved.text : null}
            onDraft={(change) => updateDraft(worker.name, change)}
            onSave={(patch) => void save(worker.name, patch)}
            onLocalErrors={(errors) => showFieldErrors(worker.name, errors)}
            onDiscard={() => discard(worker.name)}
            onDismissSaveError={dismissErrors}
            header={
              <WorkerHeader
                key={worker.name}
                worker={worker.name}
                live={live}
                onlyWorker={config.workers.length === 1}
              />
            }
          />
        ) : null}
      </div>
    </>
  );
}
