import { create } from 'zustand';
import type { SiteSort } from '../sites/visibleSites';

/** How the window shows the list (filter and sort): the window's own choice, not main's data. */
export interface ListViewState {
  query: string;
  sort: SiteSort;
  /** Sites whose details are open; kept here so a row scrolled out and back keeps it. */
  expanded: Record<string, true>;
  setQuery(query: string): void;
  clearQuery(): void;
  setSort(sort: SiteSort): void;
  toggleDetails(siteId: string): void;
}

export const FILTER_INPUT_ID = 'site-filter';

export function initialListView(): Pick<ListViewState, 'query' | 'sort' | 'expanded'> {
  return { query: '', sort: 'name', expanded: {} };
}

export const useListViewStore = create<ListViewState>()((set) => ({
  ...initialListView(),
  setQuery: (query) => set({ query }),
  clearQuery: () => set({ query: '' }),
  setSort: (sort) => set({ sort }),
  toggleDetails: (siteId) =>
    set((s) => {
      const expanded = { ...s.expanded };
      if (expanded[siteId]) delete expanded[siteId];
      else expanded[siteId] = true;
      return { expanded };
    }),
}));
