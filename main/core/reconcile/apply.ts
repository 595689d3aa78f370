import { access, constants, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ServerMarkError, toErrorView } from '../errors/serverMarkError';
import { assertLaravelApp } from '../laravel/laravelApp';
import { withSiteLock } from '../operations/siteLock';
import { inspectPhpBinary } from '../php/phpBinaries';
import type { SiteRecord } from '../sites/siteRecord';
import type { SiteStatus } from '../workers/siteStatus';
import { renderSiteUnits } from '../units/siteUnits';
import type { UnitFiles } from '../units/unitFiles';
import { workerUnitNames } from '../units/unitName';
import { DEFAULT_WORKER_NAME } from '../workers/workerOptions';
import type { ReconcileAction } from './finding';
import { cleanLeftovers } from './leftoverFiles';
import type { LegacyUnit } from './legacyUnit';
import type { Plan, PlannedFinding, ReconcileDeps } from './scan';

/** The parts of the core that reconcile drives: it registers and starts sites like a user would. */
export interface ReconcileCore {
  addSite(request: { directory: string; name?: string; php?: string }): Promise<SiteRecord>;
  startWorkers(ref: string): Promise<SiteStatus>;
  /** Validates and saves options as the settings form does; invalid fields come back by name. */
  configureWorker(
    ref: string,
    worker: string,
    patch: Record<string, unknown>,
  ): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }>;
}

export interface ApplyDeps extends ReconcileDeps {
  unitFiles: UnitFiles;
  core: ReconcileCore;
}

type PlanOf<K extends Plan['kind']> = Extract<Plan, { kind: K }>;

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** Unit dirs' `*.wants`/`*.requires` folders, where `systemctl enable` put links. */
async function enablementDirs(unitDir: string): Promise<string[]> {
  const names = await readdir(unitDir).catch(() => [] as string[]);
  return names.filter((n) => /\.(wants|requires)$/.test(n)).map((n) => join(unitDir, n));
}

async function resetIfFailed(deps: ReconcileDeps, units: string[]): Promise<void> {
  if (units.length === 0) return;
  const listed = await deps.systemctl.listUnits(units);
  await deps.systemctl.resetFailed(listed.filter((u) => u.active === 'failed').map((u) => u.unit));
}

/** Stops a legacy unit, removes its file and enablement links, and makes systemd forget it. */
async function removeLegacyUnit(deps: ReconcileDeps, plan: PlanOf<'legacy'>): Promise<void> {
  if (plan.loaded && plan.loaded.active !== 'inactive' && plan.loaded.active !== 'failed') {
    await deps.systemctl.stop([plan.unit]);
  }
  for (const dir of await enablementDirs(deps.paths.unitDir)) {
    await rm(join(dir, plan.unit), { force: true });
  }
  if (plan.file) await rm(plan.file, { force: true });
  await deps.systemctl.daemonReload();
  if (plan.loaded) await resetIfFailed(deps, [plan.unit]);
}

/**
 * Saves the legacy unit's queue:work options on the site's default worker, through the same
 * validation as the settings form: a value it refuses is left out and named, not stored.
 */
async function carryOverOptions(
  deps: ApplyDeps,
  site: SiteRecord,
  legacy: LegacyUnit | null,
): Promise<{ kept: string[]; dropped: string[] }> {
  const patch: Record<string, unknown> = { ...legacy?.options };
  if (Object.keys(patch).length === 0) return { kept: [], dropped: [] };
  const worker = site.workers.find((w) => w.name === DEFAULT_WORKER_NAME) ?? site.workers[0]!;
  const first = await deps.core.configureWorker(site.id, worker.name, patch);
  if (first.ok) return { kept: Object.keys(patch), dropped: [] };
  // Errors are keyed by field, or `env.NAME` for one variable: drop the whole field.
  const dropped = [...new Set(Object.keys(first.errors).map((key) => key.split('.')[0]!))];
  for (const field of dropped) delete patch[field];
  if (Object.keys(patch).length === 0) return { kept: [], dropped };
  const second = await deps.core.configureWorker(site.id, worker.name, patch);
  return second.ok
    ? { kept: Object.keys(patch), dropped }
    : { kept: [], dropped: [...dropped, ...Object.keys(patch)] };
}

/** Everything a start needs, checked before the legacy unit is touched. */
async function assertMigratable(deps: ApplyDeps, site: SiteRecord): Promise<void> {
  if (!(await stat(site.path).catch(() => null))?.isDirectory()) {
    throw new ServerMarkError(
      'NOT_A_DIRECTORY',
      `The directory of ${site.name} (${site.path}) no longer exists: nothing was changed.`,
    );
  }
  await assertLaravelApp(site.path);
  for (const php of new Set(site.workers.map((w) => w.options.php ?? site.php))) {
    await inspectPhpBinary(php);
  }
  renderSiteUnits(site, deps.paths.logDir);
}

async function migrate(deps: ApplyDeps, plan: PlanOf<'legacy'>, site: SiteRecord): Promise<string> {
  // A failure here leaves the original worker exactly as it was.
  await assertMigratable(deps, site);
  // Stopped before ours starts, so the two never run side by side.
  await withSiteLock(deps.paths.configDir, site.id, () => removeLegacyUnit(deps, plan));
  const { kept, dropped } = await carryOverOptions(deps, site, plan.parsed);
  const status = await deps.core.startWorkers(site.id);
  const notes = [
    kept.length ? `kept ${kept.join(', ')}` : null,
    dropped.length ? `left out invalid ${dropped.join(', ')}` : null,
  ].filter(Boolean);
  return `Replaced ${plan.unit} with ServerMark's units for ${site.name}${notes.length ? ` (${notes.join('; ')})` : ''}; its workers are ${status.state}.`;
}

async function importAndMigrate(deps: ApplyDeps, plan: PlanOf<'legacy'>): Promise<string> {
  if (!plan.importable) {
    throw new ServerMarkError(
      'NOT_APPLICABLE',
      `The directory of ${plan.unit} is not a Laravel app ServerMark can register.`,
    );
  }
  const php =
    plan.parsed?.php && (await isExecutable(plan.parsed.php)) ? plan.parsed.php : undefined;
  const site = await deps.core.addSite({ directory: plan.importable, php });
  return `Added ${site.name}. ${await migrate(deps, plan, site)}`;
}

async function removeOrphans(deps: ApplyDeps, plan: PlanOf<'orphan'>): Promise<string> {
  await withSiteLock(deps.paths.configDir, plan.siteId, async () => {
    await deps.systemctl.stop(plan.stop);
    for (const file of plan.files) await rm(file, { force: true });
    await deps.systemctl.daemonReload();
    await resetIfFailed(deps, plan.loaded);
  });
  return `Stopped ${plan.stop.length} and removed ${plan.files.length} orphan unit file(s).`;
}

async function rewrite(deps: ApplyDeps, plan: PlanOf<'drift'>): Promise<string> {
  return withSiteLock(deps.paths.configDir, plan.site.id, async () => {
    // The site may have changed since the scan: write what a start would write now.
    const site = (await deps.registry.read()).sites.find((s) => s.id === plan.site.id);
    const unit =
      site && renderSiteUnits(site, deps.paths.logDir).find((u) => u.worker === plan.worker);
    if (!site || !unit) {
      throw new ServerMarkError('NOT_APPLICABLE', `Worker ${plan.worker} no longer exists.`);
    }
    await deps.unitFiles.writeTemplate(unit.names.template, unit.text);
    await deps.systemctl.daemonReload();
    const prefix = workerUnitNames(site, plan.worker, 0).prefix;
    const running = (await deps.systemctl.listUnits([`${prefix}@*`]))
      .filter((u) => u.active === 'active' || u.active === 'activating' || u.active === 'reloading')
      .map((u) => u.unit);
    await deps.systemctl.restart(running);
    return `Rewrote ${unit.names.template}${running.length ? ` and restarted ${running.length} process(es)` : ''}.`;
  });
}

async function importSites(deps: ApplyDeps, plan: PlanOf<'import'>): Promise<string> {
  const added: string[] = [];
  const failed: string[] = [];
  const taken = new Set((await deps.registry.read()).sites.map((s) => s.name.toLowerCase()));
  for (const entry of plan.sites) {
    const versioned = entry.phpVersion ? `/usr/bin/php${entry.phpVersion}` : null;
    const php = versioned && (await isExecutable(versioned)) ? versioned : undefined;
    // A name already in use would be refused: let the core pick a free one instead.
    const name = entry.name && !taken.has(entry.name.toLowerCase()) ? entry.name : undefined;
    try {
      const site = await deps.core.addSite({ directory: entry.path, name, php });
      taken.add(site.name.toLowerCase());
      added.push(site.name);
    } catch (error) {
      const view = toErrorView(error);
      // Added meanwhile (by another window or the CLI): that is what importing wanted.
      if (view.code !== 'SITE_EXISTS') failed.push(`${entry.path}: ${view.message}`);
    }
  }
  if (added.length === 0 && failed.length > 0) {
    throw new ServerMarkError('NOT_APPLICABLE', `No site could be imported. ${failed.join(' ')}`);
  }
  return `Imported ${added.length} site(s) from ${plan.file}${added.length ? `: ${added.join(', ')}` : ''}.${failed.length ? ` Not imported: ${failed.join(' ')}` : ''}`;
}

async function clean(deps: ApplyDeps, plan: PlanOf<'leftover'>): Promise<string> {
  const { removed, busy } = await cleanLeftovers(deps.paths);
  if (plan.reload) await deps.systemctl.daemonReload();
  return `Removed ${removed.length} leftover file(s)${plan.reload ? ' and reloaded systemd' : ''}.${busy.length ? ` ${busy.length} file(s) are in use right now and were kept.` : ''}`;
}

/** Carries out one offered action of a finding that a fresh scan just produced. */
export async function applyAction(
  deps: ApplyDeps,
  finding: PlannedFinding,
  action: ReconcileAction,
): Promise<string> {
  if (!finding.actions.includes(action)) {
    throw new ServerMarkError(
      'NOT_APPLICABLE',
      `"${action}" is not offered for this finding (offered: ${finding.actions.join(', ')}).`,
    );
  }
  const { plan } = finding;
  switch (plan.kind) {
    case 'legacy':
      if (action === 'remove') {
        await removeLegacyUnit(deps, plan);
        return `Stopped and removed ${plan.unit}.`;
      }
      if (action === 'migrate' && plan.site) return migrate(deps, plan, plan.site);
      return importAndMigrate(deps, plan);
    case 'orphan':
      return removeOrphans(deps, plan);
    case 'drift':
      return rewrite(deps, plan);
    case 'import':
      return importSites(deps, plan);
    case 'leftover':
      return clean(deps, plan);
  }
}
