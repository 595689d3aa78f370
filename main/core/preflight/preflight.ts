import { toErrorView } from '../errors/serverMarkError';
import type { XdgPaths } from '../paths/xdgPaths';
import type { SettingsStore } from '../settings/settings';
import type { Registry } from '../sites/registry';
import type { SiteRecord } from '../sites/siteRecord';
import { sortChecks, type PreflightCheck, type PreflightReport } from './preflightCheck';
import { createSiteChecker, type SiteCheckerOptions } from './siteChecks';
import { checkSystem, type SystemCheckOptions } from './systemChecks';

export interface PreflightOptions {
  env: NodeJS.ProcessEnv;
  paths: XdgPaths;
  registry: Registry;
  settings: SettingsStore;
  system?: Partial<SystemCheckOptions>;
  sites?: Partial<SiteCheckerOptions>;
}

export interface Preflight {
  /** Every problem found now; never throws for a problem it can describe. */
  run(): Promise<PreflightReport>;
}

/** The registry can hold no sites we can read: say where it is, why, and offer to move it aside. */
async function readSites(
  registry: Registry,
): Promise<{ sites: SiteRecord[]; checks: PreflightCheck[] }> {
  try {
    return { sites: (await registry.read()).sites, checks: [] };
  } catch (error) {
    const view = toErrorView(error);
    return {
      sites: [],
      checks: [
        {
          id: 'registry-corrupt',
          severity: 'error',
          scope: 'system',
          message: `${view.message} Until then no site can be shown or changed.`,
          fix: {
            kind: 'action',
            action: 'registry:recover',
            label: 'Move aside and start empty',
          },
        },
      ],
    };
  }
}

async function checkSettings(settings: SettingsStore): Promise<PreflightCheck[]> {
  try {
    await settings.read();
    return [];
  } catch (error) {
    return [
      {
        id: 'settings-unreadable',
        severity: 'warning',
        scope: 'system',
        message: toErrorView(error).message,
        fix: { kind: 'command', command: `mv ${settings.file} ${settings.file}.bak` },
      },
    ];
  }
}

export function createPreflight(options: PreflightOptions): Preflight {
  const siteChecker = createSiteChecker({ env: options.env, ...options.sites });
  return {
    async run() {
      const [system, registry, settings] = await Promise.all([
        checkSystem({ env: options.env, unitDir: options.paths.unitDir, ...options.system }),
        readSites(options.registry),
        checkSettings(options.settings),
      ]);
      const sites = await siteChecker.check(registry.sites);
      return {
        checks: sortChecks([...system, ...registry.checks, ...settings, ...sites]),
        ranAt: new Date().toISOString(),
      };
    },
  };
}
