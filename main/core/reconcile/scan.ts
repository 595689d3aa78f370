import { readdir, readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { toErrorView } from '../errors/serverMarkError';
import { assertLaravelApp } from '../laravel/laravelApp';
import type { XdgPaths } from '../paths/xdgPaths';
import type { Registry } from '../sites/registry';
import type { SiteRecord } from '../sites/siteRecord';
import type { ListedUnit, Systemctl } from '../systemd/systemctl';
import { renderSiteUnits } from '../units/siteUnits';
import { parseWorkerUnitName, UNIT_PREFIX, workerUnitNames } from '../units/unitName';
import { findingId, type AdoptedSite, type Finding, type ReconcileReport } from './finding';
import { isLegacyUnitName, parseLegacyUnit, type LegacyUnit } from './legacyUnit';
import { findLeftovers, type Leftovers } from './leftoverFiles';
import { readOriginalSites, type OriginalSite } from './originalSites';

export const WANTS_DIR = 'default.target.wants';

export interface ReconcileDeps {
  paths: XdgPaths;
  registry: Registry;
  systemctl: Systemctl;
}

/** What an action needs to act, recomputed from the disk and systemd at every scan. */
export type Plan =
  | {
      kind: 'legacy';
      unit: string;
      file: string | null;
      loaded: ListedUnit | null;
      parsed: LegacyUnit | null;
      site: SiteRecord | null;
      /** The directory the unit ran in, when it is a Laravel app we could register. */
      importable: string | null;
    }
  | { kind: 'orphan'; siteId: string; stop: string[]; files: string[]; loaded: string[] }
  | { kind: 'drift'; site: SiteRecord; worker: string; template: string; instances: string[] }
  | { kind: 'import'; file: string; sites: OriginalSite[] }
  | { kind: 'leftover'; leftovers: Leftovers; reload: boolean };

export interface PlannedFinding extends Finding {
  plan: Plan;
}

export interface Scan {
  findings: PlannedFinding[];
  adopted: AdoptedSite[];
  systemdProblem: string | null;
}

interface UnitDirEntry {
  name: string;
  file: string;
}

async function listDir(dir: string): Promise<UnitDirEntry[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.map((name) => ({ name, file: join(dir, name) }));
}

function isRunning(unit: ListedUnit | undefined): boolean {
  return unit !== undefined && unit.active !== 'inactive' && unit.active !== 'failed';
}

async function canonical(path: string): Promise<string | null> {
  return realpath(path).catch(() => null);
}

/** The registered site a legacy unit ran: by its WorkingDirectory=, else by its artisan path. */
async function matchLegacySite(
  parsed: LegacyUnit,
  sites: SiteRecord[],
): Promise<SiteRecord | null> {
  const written = [parsed.workingDirectory, parsed.artisanDirectory].filter(
    (dir): dir is string => !!dir,
  );
  // Written raw by the original; a unit fixed by hand may have doubled its % signs.
  const candidates = [...new Set(written.flatMap((dir) => [dir, dir.replaceAll('%%', '%')]))];
  for (const dir of candidates) {
    const site = sites.find((s) => s.path === dir);
    if (site) return site;
  }
  for (const dir of candidates) {
    const real = await canonical(dir);
    const site = real ? sites.find((s) => s.path === real) : undefined;
    if (site) return site;
  }
  return null;
}

async function laravelDirectory(parsed: LegacyUnit): Promise<string | null> {
  for (const dir of [parsed.workingDirectory, parsed.artisanDirectory]) {
    if (!dir) continue;
    const real = await canonical(dir);
    if (
      real &&
      (await assertLaravelApp(real).then(
        () => true,
        () => false,
      ))
    )
      return real;
  }
  return null;
}

async function legacyFindings(
  unitDir: UnitDirEntry[],
  loaded: ListedUnit[],
  sites: SiteRecord[],
): Promise<PlannedFinding[]> {
  const findings: PlannedFinding[] = [];
  const onDisk = new Set<string>();
  for (const entry of unitDir) {
    if (!isLegacyUnitName(entry.name)) continue;
    const text = await readFile(entry.file, 'utf8').catch(() => null);
    const parsed = text === null ? null : parseLegacyUnit(text);
    // Only queue workers the original wrote: any other unit with this prefix is not ours to touch.
    if (!parsed) continue;
    onDisk.add(entry.name);
    const unit = loaded.find((u) => u.unit === entry.name) ?? null;
    const site = await matchLegacySite(parsed, sites);
    const importable = site ? null : await laravelDirectory(parsed);
    const where = parsed.workingDirectory ?? parsed.artisanDirectory ?? 'an unknown directory';
    const state = unit ? `systemd reports it ${unit.active}` : 'systemd has not loaded it';
    const ignored = parsed.ignored.length
      ? ` Arguments not carried over: ${parsed.ignored.join(' ')}.`
      : '';
    findings.push({
      id: findingId('legacy', entry.name),
      kind: 'legacy',
      severity: 'warning',
      siteId: site?.id ?? null,
      title: site
        ? `Worker of ${site.name} made by the original ServerMark`
        : `Worker for ${where} made by the original ServerMark`,
      message: site
        ? `${entry.name} runs queue:work for ${site.name} (${where}); ${state}. It was written by the original ServerMark, which did not quote paths and restarted forever. Migrate replaces it with a ServerMark unit with the same queue:work options and starts that.${ignored}`
        : importable
          ? `${entry.name} runs queue:work in ${where}, which is not a ServerMark site; ${state}. Import adds that directory as a site, then replaces the unit with a ServerMark one and starts it. Remove stops and deletes it.${ignored}`
          : `${entry.name} runs queue:work in ${where}, which is not a Laravel app ServerMark can register (missing, or not Laravel); ${state}. Remove stops and deletes it.`,
      units: [entry.name],
      actions: site
        ? ['migrate', 'remove']
        : importable
          ? ['import-and-migrate', 'remove']
          : ['remove'],
      plan: {
        kind: 'legacy',
        unit: entry.name,
        file: entry.file,
        loaded: unit,
        parsed,
        site,
        importable,
      },
    });
  }
  // Still running after its file was deleted by hand: only a stop ends it.
  for (const unit of loaded) {
    if (!isLegacyUnitName(unit.unit) || onDisk.has(unit.unit) || !isRunning(unit)) continue;
    findings.push({
      id: findingId('legacy', unit.unit),
      kind: 'legacy',
      severity: 'warning',
      siteId: null,
      title: `Worker left running by the original ServerMark`,
      message: `${unit.unit} (from the original ServerMark) still runs although its unit file is gone; systemd reports it ${unit.active}. Remove stops it.`,
      units: [unit.unit],
      actions: ['remove'],
      plan: {
        kind: 'legacy',
        unit: unit.unit,
        file: null,
        loaded: unit,
        parsed: null,
        site: null,
        importable: null,
      },
    });
  }
  return findings;
}

interface OurUnits {
  /** siteId → worker → template file, enablement links, loaded instances */
  bySite: Map<
    string,
    Map<string, { templates: string[]; links: UnitDirEntry[]; loaded: ListedUnit[] }>
  >;
}

function collectOurUnits(
  unitDir: UnitDirEntry[],
  wants: UnitDirEntry[],
  loaded: ListedUnit[],
): OurUnits {
  const bySite: OurUnits['bySite'] = new Map();
  const slot = (siteId: string, worker: string) => {
    const workers = bySite.get(siteId) ?? new Map();
    bySite.set(siteId, workers);
    const entry = workers.get(worker) ?? { templates: [], links: [], loaded: [] };
    workers.set(worker, entry);
    return entry;
  };
  for (const entry of unitDir) {
    const parsed = parseWorkerUnitName(entry.name);
    if (parsed && parsed.instance === null)
      slot(parsed.siteId, parsed.worker).templates.push(entry.name);
  }
  for (const entry of wants) {
    const parsed = parseWorkerUnitName(entry.name);
    if (parsed?.instance) slot(parsed.siteId, parsed.worker).links.push(entry);
  }
  for (const unit of loaded) {
    const parsed = parseWorkerUnitName(unit.unit);
    if (parsed?.instance) slot(parsed.siteId, parsed.worker).loaded.push(unit);
  }
  return { bySite };
}

function orphanFindings(
  ours: OurUnits,
  sites: SiteRecord[],
  unitDirPath: string,
): {
  findings: PlannedFinding[];
  adopted: AdoptedSite[];
} {
  const findings: PlannedFinding[] = [];
  const adopted: AdoptedSite[] = [];
  for (const [siteId, workers] of ours.bySite) {
    const site = sites.find((s) => s.id === siteId);
    const orphanWorkers = [...workers].filter(
      ([worker]) => !site?.workers.some((w) => w.name === worker),
    );
    if (site) {
      const kept = [...workers]
        .filter(([worker]) => site.workers.some((w) => w.name === worker))
        .flatMap(([, entry]) => entry.loaded.map((u) => u.unit));
      if (kept.length) adopted.push({ siteId, units: kept.sort() });
    }
    if (orphanWorkers.length === 0) continue;
    const entries = orphanWorkers.map(([, entry]) => entry);
    const loaded = entries.flatMap((e) => e.loaded);
    const files = [
      ...entries.flatMap((e) => e.templates.map((t) => join(unitDirPath, t))),
      ...entries.flatMap((e) => e.links.map((l) => l.file)),
    ];
    const units = [
      ...new Set([
        ...entries.flatMap((e) => e.templates),
        ...entries.flatMap((e) => e.links.map((l) => l.name)),
        ...loaded.map((u) => u.unit),
      ]),
    ].sort();
    const running = loaded.filter(isRunning).length;
    const names = orphanWorkers.map(([worker]) => worker).join(', ');
    const what = running ? `${running} of them running` : 'none of them running';
    findings.push({
      id: findingId(
        'orphan',
        site ? `${siteId}:${orphanWorkers.map(([w]) => w).join('+')}` : siteId,
      ),
      kind: 'orphan',
      severity: running ? 'warning' : 'info',
      siteId,
      title: site
        ? `Units of removed worker ${names} of ${site.name}`
        : `Worker units of a site that is no longer registered (${siteId})`,
      message: `${units.length} unit file(s) or unit(s) belong to ${site ? `worker ${names} of ${site.name}, which no longer exists` : `site id ${siteId}, which is not in the registry`}; ${what}. Remove stops them and deletes their files.`,
      units,
      actions: ['remove'],
      plan: {
        kind: 'orphan',
        siteId,
        stop: loaded.filter(isRunning).map((u) => u.unit),
        files,
        loaded: loaded.map((u) => u.unit),
      },
    });
  }
  return { findings, adopted };
}

async function driftFindings(
  sites: SiteRecord[],
  paths: XdgPaths,
  loaded: ListedUnit[],
): Promise<PlannedFinding[]> {
  const findings: PlannedFinding[] = [];
  for (const site of sites) {
    let rendered;
    try {
      rendered = renderSiteUnits(site, paths.logDir);
    } catch {
      // A site that cannot be rendered is refused at start, with the reason; not drift.
      continue;
    }
    for (const { worker, names, text } of rendered) {
      const onDisk = await readFile(join(paths.unitDir, names.template), 'utf8').catch(() => null);
      if (onDisk === null || onDisk === text) continue;
      const prefix = workerUnitNames(site, worker, 0).prefix;
      const instances = loaded.filter((u) => u.unit.startsWith(`${prefix}@`)).map((u) => u.unit);
      findings.push({
        id: findingId('drift', names.template),
        kind: 'drift',
        severity: 'warning',
        siteId: site.id,
        title: `Unit of ${site.name} (${worker}) was edited outside ServerMark`,
        message: `${names.template} differs from what ServerMark writes for worker ${worker} of ${site.name} (edited by hand, or written by another version). The next start overwrites it anyway. Rewrite writes it now and restarts the worker's running processes so they use it.`,
        units: [names.template],
        actions: ['rewrite'],
        plan: { kind: 'drift', site, worker, template: names.template, instances },
      });
    }
  }
  return findings;
}

async function importFinding(configDir: string, sites: SiteRecord[]): Promise<PlannedFinding[]> {
  const original = await readOriginalSites(configDir);
  if (!original) return [];
  const known = new Set(sites.map((s) => s.path));
  const importable: OriginalSite[] = [];
  for (const entry of original.sites) {
    const real = await canonical(entry.path);
    if (!real || known.has(real) || known.has(entry.path)) continue;
    if (
      await assertLaravelApp(real).then(
        () => true,
        () => false,
      )
    )
      importable.push(entry);
  }
  if (importable.length === 0) return [];
  const list = importable.map((s) => s.name ?? s.path).join(', ');
  const problem = original.problem ? ` (Part of the file was skipped: ${original.problem}.)` : '';
  return [
    {
      id: findingId('import', 'sites.json'),
      kind: 'import',
      severity: 'info',
      siteId: null,
      title: `${importable.length} Laravel site(s) from the original ServerMark can be imported`,
      message: `${original.file} lists Laravel apps that ServerMark does not manage yet: ${list}. Import adds them as sites (workers stay stopped). The file itself is never changed.${problem}`,
      units: [],
      actions: ['import'],
      plan: { kind: 'import', file: original.file, sites: importable },
    },
  ];
}

async function leftoverFinding(
  paths: XdgPaths,
  systemctl: Systemctl,
  loaded: ListedUnit[],
): Promise<PlannedFinding[]> {
  const leftovers = await findLeftovers(paths);
  // A unit file changed on disk but not reloaded: a killed start between write and daemon-reload.
  const ours = loaded.map((u) => u.unit).filter((u) => parseWorkerUnitName(u) !== null);
  const props = ours.length
    ? await systemctl.show(ours, ['NeedDaemonReload']).catch(() => null)
    : null;
  const reload = [...(props?.values() ?? [])].some((p) => p.NeedDaemonReload === 'yes');
  const count = leftovers.tempFiles.length + leftovers.staleLocks.length;
  if (count === 0 && !reload) return [];
  const parts = [
    leftovers.tempFiles.length ? `${leftovers.tempFiles.length} temporary file(s)` : null,
    leftovers.staleLocks.length
      ? `${leftovers.staleLocks.length} lock(s) of processes that no longer run`
      : null,
    reload ? 'unit files systemd has not reloaded yet' : null,
  ].filter(Boolean);
  return [
    {
      id: findingId('leftover', 'files'),
      kind: 'leftover',
      severity: 'info',
      siteId: null,
      title: 'Leftovers of an interrupted ServerMark operation',
      message: `Found ${parts.join(', ')}, left by a ServerMark that was stopped mid-operation. Clean removes them (never a file another ServerMark is writing) and reloads systemd if needed.`,
      units: [],
      actions: ['clean'],
      plan: { kind: 'leftover', leftovers, reload },
    },
  ];
}

/** Compares the registry with the disk and systemd; changes nothing. */
export async function scan(deps: ReconcileDeps): Promise<Scan> {
  const { paths, registry, systemctl } = deps;
  const sites = (await registry.read()).sites;
  const [unitDir, wants] = await Promise.all([
    listDir(paths.unitDir),
    listDir(join(paths.unitDir, WANTS_DIR)),
  ]);
  let loaded: ListedUnit[] = [];
  let systemdProblem: string | null = null;
  try {
    loaded = await systemctl.listUnits([`${UNIT_PREFIX}*`]);
  } catch (error) {
    systemdProblem = toErrorView(error).message;
  }
  const orphans = orphanFindings(collectOurUnits(unitDir, wants, loaded), sites, paths.unitDir);
  const findings = [
    ...(await legacyFindings(unitDir, loaded, sites)),
    ...orphans.findings,
    ...(await driftFindings(sites, paths, loaded)),
    ...(await importFinding(paths.configDir, sites)),
    ...(await leftoverFinding(paths, systemctl, loaded)),
  ];
  return { findings, adopted: orphans.adopted, systemdProblem };
}

/** The report the window and the CLI see: the plans stay in main. */
export function toReport(result: Scan): ReconcileReport {
  return {
    findings: result.findings.map(({ plan: _plan, ...finding }) => finding),
    adopted: result.adopted,
    systemdProblem: result.systemdProblem,
    scannedAt: new Date().toISOString(),
  };
}
