import type { SiteRecord } from '../sites/siteRecord';
import { renderWorkerUnit } from './renderUnit';
import { workerUnitNames, type WorkerUnitNames } from './unitName';

export interface RenderedWorkerUnit {
  worker: string;
  names: WorkerUnitNames;
  text: string;
}

/**
 * Exactly the unit files a start writes for a site, one template per worker: also what
 * reconcile compares the disk against to find units edited by hand.
 */
export function renderSiteUnits(site: SiteRecord, logDir: string): RenderedWorkerUnit[] {
  return site.workers.map((worker) => {
    const names = workerUnitNames(site, worker.name, worker.options.processes);
    const text = renderWorkerUnit({
      siteId: site.id,
      siteName: site.name,
      sitePath: site.path,
      workerName: worker.name,
      php: worker.options.php ?? site.php,
      options: worker.options,
      logDir,
      unitPrefix: names.prefix,
      laravelVersion: site.laravelVersion,
    });
    return { worker: worker.name, names, text };
  });
}
