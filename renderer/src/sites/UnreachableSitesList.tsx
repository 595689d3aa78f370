import { useEffect, useState } from 'react';
import type { SiteSummary } from '../../../main/ipc/contract';
import { callSafely } from '../api/callSafely';

/**
 * The registered sites, named but without a state: shown while systemd cannot be read, so the
 * user sees their sites are safe without the window guessing what runs.
 */
export function UnreachableSitesList() {
  const [sites, setSites] = useState<SiteSummary[] | null>(null);
  useEffect(() => {
    let live = true;
    void callSafely((api) => api.listSites()).then((result) => {
      if (live && result.ok) setSites(result.value);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!sites || sites.length === 0) return null;
  return (
    <section className="unreachable-sites" aria-labelledby="unreachable-sites-heading">
      <h3 id="unreachable-sites-heading" className="unreachable-sites__title">
        Your sites ({sites.length}) — state unknown until systemd can be read
      </h3>
      <ul className="unreachable-sites__list">
        {sites.map((site) => (
          <li key={site.site}>
            <span className="unreachable-sites__name">{site.name}</span>{' '}
            <span className="unreachable-sites__path">{site.path}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
