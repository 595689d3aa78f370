import { create } from 'zustand';
import type {
  ErrorView,
  FieldErrors,
  SiteWorkerConfig,
  WorkerOptionsPatch,
} from '../../../main/ipc/contract';
import { useSitesStore } from '../store/sitesStore';
import { createWorker, deleteWorker, readWorkerConfig, saveWorkerOptions } from './workerConfigApi';
import { draftFrom, type WorkerDraft } from './workerDraft';

/** What the last save did, said in the dialog (the page behind it is inert while it is open). */
export interface SavedNotice {
  worker: string;
  text: string;
}

export interface WorkerConfigState {
  /** The site whose workers the dialog shows; null while it is closed. */
  target: { siteId: string; siteName: string } | null;
  config: SiteWorkerConfig | null;
  loading: boolean;
  loadError: ErrorView | null;
  selected: string | null;
  /** Unsaved values per worker: switching tabs keeps them. */
  drafts: Record<string, WorkerDraft>;
  /** Main's message per field of the worker's last refused save. */
  fieldErrors: Record<string, FieldErrors>;
  savingWorker: string | null;
  saveError: ErrorView | null;
  saved: SavedNotice | null;
  adding: boolean;
  addErrors: FieldErrors | null;
  addError: ErrorView | null;
  removingWorker: string | null;
  removeError: ErrorView | null;
}

export interface WorkerConfigActions {
  open(siteId: string, siteName: string): void;
  close(): void;
  load(): Promise<void>;
  select(worker: string): void;
  updateDraft(worker: string, change: (draft: WorkerDraft) => WorkerDraft): void;
  discard(worker: string): void;
  /** Sends the patch; true once main saved it (and restarted a running worker). */
  save(worker: string, patch: WorkerOptionsPatch): Promise<boolean>;
  /** Errors found before asking main (a variable named twice). */
  showFieldErrors(worker: string, errors: FieldErrors): void;
  addWorker(name: string): Promise<boolean>;
  clearAddErrors(): void;
  removeWorker(worker: string): Promise<boolean>;
  dismissErrors(): void;
}

export function initialWorkerConfigState(): WorkerConfigState {
  return {
    target: null,
    config: null,
    loading: false,
    loadError: null,
    selected: null,
    drafts: {},
    fieldErrors: {},
    savingWorker: null,
    saveError: null,
    saved: null,
    adding: false,
    addErrors: null,
    addError: null,
    removingWorker: null,
    removeError: null,
  };
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

function savedText(restarted: string[], stopped: string[]): string {
  if (restarted.length === 0)
    return 'Saved. The worker is stopped: it uses these settings when it starts.';
  const surplus =
    stopped.length > 0
      ? ` Stopped ${plural(stopped.length, 'surplus process', 'surplus processes')}.`
      : '';
  return `Saved. Restarted ${plural(restarted.length, 'process', 'processes')} with the new settings.${surplus}`;
}

function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  const rest = { ...record };
  delete rest[key];
  return rest;
}

export const useWorkerConfigStore = create<WorkerConfigState & WorkerConfigActions>()((
  set,
  get,
) => {
  // A reply for a site the dialog no longer shows is dropped.
  const stillShowing = (siteId: string) => get().target?.siteId === siteId;

  function acceptConfig(config: SiteWorkerConfig, keepDraftsOf: string[] = []): void {
    set((s) => {
      const drafts: Record<string, WorkerDraft> = {};
      for (const worker of config.workers) {
        const kept = keepDraftsOf.includes(worker.name) ? s.drafts[worker.name] : undefined;
        drafts[worker.name] = kept ?? draftFrom(worker.options);
      }
      const names = config.workers.map((w) => w.name);
      const selected = s.selected && names.includes(s.selected) ? s.selected : (names[0] ?? null);
      return { config, drafts, selected, loading: false, loadError: null };
    });
  }

  return {
    ...initialWorkerConfigState(),

    open(siteId, siteName) {
      if (get().target?.siteId === siteId) return;
      set({ ...initialWorkerConfigState(), target: { siteId, siteName } });
      void get().load();
    },

    close() {
      set(initialWorkerConfigState());
    },

    async load() {
      const target = get().target;
      if (!target) return;
      set({ loading: true, loadError: null });
      const result = await readWorkerConfig(target.siteId);
      if (!stillShowing(target.siteId)) return;
      if (result.ok) {
        // Unsaved edits survive a re-read (e.g. after adding another worker).
        acceptConfig(result.value, Object.keys(get().drafts));
      } else set({ loading: false, loadError: result.error });
    },

    select(worker) {
      set({ selected: worker, saved: null, saveError: null, removeError: null });
    },

    updateDraft(worker, change) {
      const draft = get().drafts[worker];
      if (!draft) return;
      set((s) => ({ drafts: { ...s.drafts, [worker]: change(draft) }, saved: null }));
    },

    discard(worker) {
      const options = get().config?.workers.find((w) => w.name === worker)?.options;
      if (!options) return;
      set((s) => ({
        drafts: { ...s.drafts, [worker]: draftFrom(options) },
        fieldErrors: without(s.fieldErrors, worker),
        saveError: null,
      }));
    },

    showFieldErrors(worker, errors) {
      set((s) => ({ fieldErrors: { ...s.fieldErrors, [worker]: errors }, saved: null }));
    },

    async save(worker, patch) {
      const target = get().target;
      if (!target || get().savingWorker) return false;
      set({ savingWorker: worker, saveError: null, saved: null });
      const result = await saveWorkerOptions(target.siteId, worker, patch);
      if (!stillShowing(target.siteId)) return false;
      if (!result.ok) {
        set({ savingWorker: null, saveError: result.error });
        return false;
      }
      const outcome = result.value;
      if (!outcome.ok) {
        set((s) => ({
          savingWorker: null,
          fieldErrors: { ...s.fieldErrors, [worker]: outcome.errors },
        }));
        return false;
      }
      const others = outcome.config.workers.map((w) => w.name).filter((name) => name !== worker);
      acceptConfig(outcome.config, others);
      const text = savedText(outcome.restarted, outcome.stopped);
      set((s) => ({
        savingWorker: null,
        fieldErrors: without(s.fieldErrors, worker),
        saved: { worker, text },
      }));
      useSitesStore.getState().announce(`${target.siteName}, worker ${worker}: ${text}`);
      return true;
    },

    async addWorker(name) {
      const target = get().target;
      if (!target || get().adding) return false;
      set({ adding: true, addErrors: null, addError: null });
      const result = await createWorker(target.siteId, name);
      if (!stillShowing(target.siteId)) return false;
      if (!result.ok) {
        set({ adding: false, addError: result.error });
        return false;
      }
      if (!result.value.ok) {
        set({ adding: false, addErrors: result.value.errors });
        return false;
      }
      acceptConfig(result.value.config, Object.keys(get().drafts));
      const started = result.value.restarted.length > 0 ? ' and started' : '';
      set({
        adding: false,
        selected: name,
        saved: { worker: name, text: `Worker ${name} added${started}.` },
      });
      useSitesStore.getState().announce(`${target.siteName}: worker ${name} added${started}.`);
      return true;
    },

    clearAddErrors() {
      set({ addErrors: null, addError: null });
    },

    async removeWorker(worker) {
      const target = get().target;
      if (!target || get().removingWorker) return false;
      set({ removingWorker: worker, removeError: null, saved: null });
      const result = await deleteWorker(target.siteId, worker);
      if (!stillShowing(target.siteId)) return false;
      if (!result.ok) {
        set({ removingWorker: null, removeError: result.error });
        return false;
      }
      set((s) => ({
        removingWorker: null,
        selected: s.config?.workers.find((w) => w.name !== worker)?.name ?? null,
        // Gone from the tabs at once; the re-read below brings the rest up to date.
        config: s.config && {
          ...s.config,
          workers: s.config.workers.filter((w) => w.name !== worker),
        },
        drafts: without(s.drafts, worker),
        fieldErrors: without(s.fieldErrors, worker),
      }));
      useSitesStore.getState().announce(`${target.siteName}: worker ${worker} removed.`);
      await get().load();
      return true;
    },

    dismissErrors() {
      set({ saveError: null, addError: null, removeError: null });
    },
  };
});
