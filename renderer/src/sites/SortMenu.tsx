import { useId } from 'react';
import { useListViewStore } from '../store/listViewStore';
import { SORT_LABELS, type SiteSort } from './visibleSites';

const SORTS = Object.keys(SORT_LABELS) as SiteSort[];

export function SortMenu() {
  const sort = useListViewStore((s) => s.sort);
  const setSort = useListViewStore((s) => s.setSort);
  const id = useId();
  return (
    <div className="sort">
      <label htmlFor={id} className="sort__label">
        Sort by
      </label>
      <select
        id={id}
        className="sort__select"
        value={sort}
        onChange={(event) => setSort(event.target.value as SiteSort)}
      >
        {SORTS.map((value) => (
          <option key={value} value={value}>
            {SORT_LABELS[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
