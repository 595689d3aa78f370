import { useListViewStore } from '../store/listViewStore';
import { SearchIcon } from '../ui/icons';

/** The filter hides every site: say so, and offer the way back. */
export function NoMatchState({ query }: { query: string }) {
  const clearQuery = useListViewStore((s) => s.clearQuery);
  return (
    <section className="placeholder placeholder--compact" aria-labelledby="no-match-heading">
      <SearchIcon className="placeholder__icon" />
      <h2 id="no-match-heading" className="placeholder__title">
        No sites match “{query.trim()}”
      </h2>
      <p className="placeholder__text">The filter looks at each site’s name and folder path.</p>
      <button type="button" className="button button--secondary" onClick={clearQuery}>
        Show all sites
      </button>
    </section>
  );
}
