import { LiveAnnouncer } from '../feedback/LiveAnnouncer';
import { EmptyState } from '../sites/EmptyState';
import { LoadErrorState } from '../sites/LoadErrorState';
import { LoadingState } from '../sites/LoadingState';
import { SiteList } from '../sites/SiteList';
import { useSitesStore } from '../store/sitesStore';
import { AppHeader } from './AppHeader';
import { GlobalNotices } from './GlobalNotices';

function SitesContent() {
  const phase = useSitesStore((s) => s.phase);
  const sites = useSitesStore((s) => s.sites);
  const loadError = useSitesStore((s) => s.loadError);
  if (phase === 'loading') return <LoadingState />;
  if (phase === 'error' && loadError) return <LoadErrorState error={loadError} />;
  if (sites.length === 0) return <EmptyState />;
  return <SiteList sites={sites} />;
}

export function App() {
  return (
    <div className="app">
      <AppHeader />
      {/* tabIndex -1: focus lands here when the element that had it disappears. */}
      <main id="content" className="app-main" tabIndex={-1}>
        <GlobalNotices />
        <SitesContent />
      </main>
      <LiveAnnouncer />
    </div>
  );
}
