import { SiteFilter } from './SiteFilter';
import { SortMenu } from './SortMenu';

/** Filter and sort above the list; the count is spoken when a filter hides sites. */
export function ListToolbar({ shown, total }: { shown: number; total: number }) {
  const filtered = shown !== total;
  return (
    <div className="list-toolbar">
      <SiteFilter />
      <SortMenu />
      <p className="visually-hidden" role="status">
        {filtered ? `Showing ${shown} of ${total} sites.` : ''}
      </p>
    </div>
  );
}
