import type { SiteStatus } from '../../../main/ipc/contract';
import { SiteRow } from './SiteRow';
import { SitesSummary } from './SitesSummary';

export function SiteList({ sites }: { sites: SiteStatus[] }) {
  return (
    <section className="site-list" aria-labelledby="sites-heading">
      <div className="section-header">
        <h2 id="sites-heading" className="section-header__title">
          Sites <span className="count">{sites.length}</span>
        </h2>
        <SitesSummary sites={sites} />
      </div>
      <ul role="list" aria-label="Sites" className="site-list__rows">
        {sites.map((site) => (
          <SiteRow key={site.site} site={site} />
        ))}
      </ul>
    </section>
  );
}
