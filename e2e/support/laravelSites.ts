import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteRecord } from '../../main/core/sites/siteRecord';
import { createLaravelFixture, type LaravelFixture } from '../../main/testing/laravelFixture';
import { test as base } from './serverMarkTest';

export interface LaravelSite {
  fixture: LaravelFixture;
  site: SiteRecord;
}

export interface LaravelSites {
  /** A fresh Laravel app in a folder named `name`, added as a terminal user would (CLI core). */
  add(name: string): Promise<LaravelSite>;
}

/**
 * Specs that need several real sites, with readable folder names. Every site added here is
 * removed afterwards (its worker stopped and its units deleted), whatever the test did.
 */
export const test = base.extend<{ laravelSites: LaravelSites }>({
  laravelSites: async ({ app }, use) => {
    const parent = await mkdtemp(join(tmpdir(), 'servermark-sites-'));
    const added: string[] = [];
    await use({
      async add(name) {
        const fixture = await createLaravelFixture(join(parent, 'code', name));
        const site = await app.outside.addSite({ directory: fixture.path, name });
        added.push(site.id);
        return { fixture, site };
      },
    });
    const remaining = new Set((await app.outside.listSites()).map((site) => site.id));
    for (const id of added.filter((id) => remaining.has(id))) await app.outside.removeSite(id);
    await rm(parent, { recursive: true, force: true });
  },
});

export { expect } from './serverMarkTest';
