import type { SiteStatus, WorkerStateName } from '../../../main/ipc/contract';

export type SiteSort = 'name' | 'state' | 'path';

export const SORT_LABELS: Record<SiteSort, string> = {
  name: 'Name',
  state: 'State (failed first)',
  path: 'Path',
};

// What needs attention comes first: a failure, then anything in motion, then the calm states.
const STATE_RANK: Record<WorkerStateName, number> = {
  failed: 0,
  starting: 1,
  stopping: 2,
  running: 3,
  stopped: 4,
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Case-insensitive match on the site's name or folder; an empty query matches everything. */
export function matchesQuery(site: SiteStatus, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return true;
  return (
    site.name.toLocaleLowerCase().includes(needle) || site.path.toLocaleLowerCase().includes(needle)
  );
}

function compare(sort: SiteSort, a: SiteStatus, b: SiteStatus): number {
  if (sort === 'state') {
    const byState = STATE_RANK[a.state] - STATE_RANK[b.state];
    if (byState !== 0) return byState;
  }
  if (sort === 'path') return collator.compare(a.path, b.path);
  // Names can repeat (two checkouts of one app): the path keeps the order stable.
  return collator.compare(a.name, b.name) || collator.compare(a.path, b.path);
}

/** The rows the list shows: filtered by the query, then sorted; the input is left untouched. */
export function visibleSites(sites: SiteStatus[], query: string, sort: SiteSort): SiteStatus[] {
  return sites.filter((site) => matchesQuery(site, query)).sort((a, b) => compare(sort, a, b));
}
