import { useSitesStore } from '../store/sitesStore';

/** Tells screen-reader users what an action did; sighted users see it in the row. */
export function LiveAnnouncer() {
  const announcement = useSitesStore((s) => s.announcement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {announcement}
    </div>
  );
}
