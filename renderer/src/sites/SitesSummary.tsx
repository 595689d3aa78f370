import type { SiteStatus } from '../../../main/ipc/contract';

function latestRead(sites: SiteStatus[]): Date | null {
  const times = sites.map((s) => Date.parse(s.readAt)).filter(Number.isFinite);
  return times.length ? new Date(Math.max(...times)) : null;
}

/** How many sites run or failed, and how fresh that is: the list below is only as true as its read. */
export function SitesSummary({ sites }: { sites: SiteStatus[] }) {
  const running = sites.filter((s) => s.state === 'running').length;
  const failed = sites.filter((s) => s.state === 'failed').length;
  const readAt = latestRead(sites);
  return (
    <p className="section-header__summary">
      <span>{running} running</span>
      {failed > 0 ? <span className="summary--failed">{failed} failed</span> : null}
      {readAt ? (
        <span>
          Checked at <time dateTime={readAt.toISOString()}>{readAt.toLocaleTimeString()}</time>
        </span>
      ) : null}
    </p>
  );
}
