import { ServerMarkError } from '../errors/serverMarkError';
import type { XdgPaths } from '../paths/xdgPaths';
import { createPreflight, type PreflightOptions } from '../preflight/preflight';
import type { PreflightReport } from '../preflight/preflightCheck';
import { applyAction, type ReconcileCore } from '../reconcile/apply';
import type { ApplyOutcome, ReconcileAction, ReconcileReport } from '../reconcile/finding';
import { scan, toReport } from '../reconcile/scan';
import { watchForReconcile, type ReconcileWatch } from '../reconcile/reconcileWatch';
import type { SettingsStore } from '../settings/settings';
import type { Registry } from '../sites/registry';
import { moveCorruptRegistryAside, type RecoveredRegistry } from '../sites/registryRecovery';
import type { Systemctl } from '../systemd/systemctl';
import type { UnitFiles } from '../units/unitFiles';

/** Preflight, reconcile and registry recovery: what keeps ServerMark trustworthy under faults. */
export interface Health {
  /** Machine and per-site problems, each with a message and, when there is one, a fix. */
  preflight(): Promise<PreflightReport>;
  /** What on disk and in systemd disagrees with the registry; changes nothing. */
  scan(): Promise<ReconcileReport>;
  /** Re-scans, finds `findingId` again and carries out `action` on what is true now. */
  apply(findingId: string, action: ReconcileAction): Promise<ApplyOutcome>;
  /** The recommended action of every finding, one after another; failures are reported, not fatal. */
  applyAll(): Promise<
    Array<ApplyOutcome | { findingId: string; action: ReconcileAction; error: ServerMarkError }>
  >;
  /** Moves a corrupt registry aside; only on the user's explicit request. */
  recoverRegistry(): Promise<RecoveredRegistry>;
  /**
   * Cleans what a killed ServerMark left, then scans now and whenever the registry or the unit
   * folder changes, calling `onReport` with each new report.
   */
  watch(
    onReport: (report: ReconcileReport) => void,
    onError?: (error: unknown) => void,
  ): ReconcileWatch;
}

export interface HealthDeps {
  env: NodeJS.ProcessEnv;
  paths: XdgPaths;
  registry: Registry;
  settings: SettingsStore;
  systemctl: Systemctl;
  unitFiles: UnitFiles;
  /** The core itself, reached lazily: reconcile adds and starts sites through it. */
  core: () => ReconcileCore;
  preflight?: Partial<Pick<PreflightOptions, 'system' | 'sites'>>;
}

export function createHealth(deps: HealthDeps): Health {
  const preflight = createPreflight({ ...deps, ...deps.preflight });
  const reconcileDeps = () => ({ ...deps, core: deps.core() });

  async function apply(findingId: string, action: ReconcileAction): Promise<ApplyOutcome> {
    // The renderer sends ids only: the finding is recomputed from what is true now.
    const found = (await scan(deps)).findings.find((f) => f.id === findingId);
    if (!found) {
      throw new ServerMarkError(
        'NOT_APPLICABLE',
        `Nothing to fix for ${findingId}: the problem is gone (fixed elsewhere, or already applied).`,
      );
    }
    const message = await applyAction(reconcileDeps(), found, action);
    return { findingId, action, message };
  }

  return {
    preflight: () => preflight.run(),
    scan: async () => toReport(await scan(deps)),
    apply,
    async applyAll() {
      const outcomes: Awaited<ReturnType<Health['applyAll']>> = [];
      for (const finding of (await scan(deps)).findings) {
        const action = finding.actions[0]!;
        try {
          outcomes.push(await apply(finding.id, action));
        } catch (error) {
          const wrapped =
            error instanceof ServerMarkError
              ? error
              : new ServerMarkError('INTERNAL', `Unexpected error: ${(error as Error).message}`);
          outcomes.push({ findingId: finding.id, action, error: wrapped });
        }
      }
      return outcomes;
    },
    recoverRegistry: () => moveCorruptRegistryAside(deps.registry),
    watch: (onReport, onError) =>
      watchForReconcile({
        paths: deps.paths,
        clean: async () => {
          const leftover = (await scan(deps)).findings.find((f) => f.kind === 'leftover');
          if (leftover) await applyAction(reconcileDeps(), leftover, 'clean');
        },
        scan: async () => toReport(await scan(deps)),
        onReport,
        onError,
      }),
  };
}
