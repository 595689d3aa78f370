import { memo, useMemo, useRef } from 'react';
import type { SiteStatus } from '../../../main/ipc/contract';
import { useSitesStore } from '../store/sitesStore';
import { SiteRow } from './SiteRow';
import { SitesSummary } from './SitesSummary';
import { useWindowedRows } from './useWindowedRows';

// A collapsed row's height; rows are measured once shown, so this only shapes the first frame.
const ROW_ESTIMATE_PX = 100;
// Rows kept beyond each edge of the viewport: Tab always finds the next row already there.
const OVERSCAN_ROWS = 4;

// Main re-reads every site on each change, so every status is new, but only the changed site
// differs in anything but readAt (which rows do not show): only that row renders again.
function sameRowContent(before: { site: SiteStatus }, after: { site: SiteStatus }): boolean {
  if (before.site === after.site) return true;
  const { readAt: _before, ...restBefore } = before.site;
  const { readAt: _after, ...restAfter } = after.site;
  return JSON.stringify(restBefore) === JSON.stringify(restAfter);
}

const Row = memo(SiteRow, sameRowContent);

export function SiteList({ sites }: { sites: SiteStatus[] }) {
  const list = useRef<HTMLUListElement>(null);
  const keys = useMemo(() => sites.map((site) => site.site), [sites]);
  const revealKey = useSitesStore((s) => s.focusRequest?.siteId ?? null);
  const shown = useWindowedRows(list, keys, {
    estimate: ROW_ESTIMATE_PX,
    overscan: OVERSCAN_ROWS,
    revealKey,
  });

  return (
    <section className="site-list" aria-labelledby="sites-heading">
      <div className="section-header">
        <h2 id="sites-heading" className="section-header__title">
          Sites <span className="count">{sites.length}</span>
        </h2>
        <SitesSummary sites={sites} />
      </div>
      {/* Only rows near the viewport exist; the padding keeps the scrollbar true to all of them. */}
      <ul
        ref={list}
        role="list"
        aria-label="Sites"
        className="site-list__rows"
        style={{ paddingTop: shown.padTop, paddingBottom: shown.padBottom }}
      >
        {sites.slice(shown.start, shown.end).map((site) => (
          <Row key={site.site} site={site} />
        ))}
      </ul>
    </section>
  );
}
