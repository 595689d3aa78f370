import { FILTER_INPUT_ID, useListViewStore } from '../store/listViewStore';
import { CloseIcon, SearchIcon } from '../ui/icons';

/** Filters the list by name or path; Ctrl+F focuses it, Escape clears it. */
export function SiteFilter() {
  const query = useListViewStore((s) => s.query);
  const setQuery = useListViewStore((s) => s.setQuery);
  const clearQuery = useListViewStore((s) => s.clearQuery);
  return (
    <div className="filter" role="search">
      <SearchIcon className="icon filter__icon" />
      <input
        id={FILTER_INPUT_ID}
        className="filter__input"
        type="search"
        aria-label="Filter sites by name or path"
        aria-keyshortcuts="Control+F"
        title="Filter sites (Ctrl+F)"
        placeholder="Filter by name or path"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !query) return;
          // Handled here so the window-wide Escape does not clear it a second time.
          event.preventDefault();
          clearQuery();
        }}
      />
      {query ? (
        <button
          type="button"
          className="icon-button filter__clear"
          aria-label="Clear filter"
          aria-keyshortcuts="Escape"
          title="Clear filter (Esc)"
          onClick={() => {
            clearQuery();
            document.getElementById(FILTER_INPUT_ID)?.focus();
          }}
        >
          <CloseIcon className="icon" />
        </button>
      ) : null}
    </div>
  );
}
