import { useMemo } from 'react';
import { LiveAnnouncer } from '../feedback/LiveAnnouncer';
import { LogDialog } from '../logs/LogDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { EmptyState } from '../sites/EmptyState';
import { ListToolbar } from '../sites/ListToolbar';
import { LoadErrorState } from '../sites/LoadErrorState';
import { LoadingState } from '../sites/LoadingState';
import { NoMatchState } from '../sites/NoMatchState';
import { SiteList } from '../sites/SiteList';
import { visibleSites } from '../sites/visibleSites';
import { useListViewStore } from '../store/listViewStore';
import { useSitesStore } from '../store/sitesStore';
import type { SiteStatus } from '../../../main/ipc/contract';
import { WorkerConfigDialog } from '../workerConfig/WorkerConfigDialog';
import { AppHeader } from './AppHeader';
import { GlobalNotices } from './GlobalNotices';
import { StatusProblemBanner } from './StatusProblemBanner';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

function FilteredSites({ sites }: { sites: SiteStatus[] }) {
  const query = useListViewStore((s) => s.query);
  const sort = useListViewStore((s) => s.sort);
  const shown = useMemo(() => visibleSites(sites, query, sort), [sites, query, sort]);
  return (
    <>
      <ListToolbar shown={shown.length} total={sites.length} />
      {shown.length > 0 ? <SiteList sites={shown} /> : <NoMatchState query={query} />}
    </>
  );
}

function SitesContent() {
  const phase = useSitesStore((s) => s.phase);
  const sites = useSitesStore((s) => s.sites);
  const loadError = useSitesStore((s) => s.loadError);
  if (phase === 'loading') return <LoadingState />;
  if (phase === 'error' && loadError) return <LoadErrorState error={loadError} />;
  if (sites.length === 0) return <EmptyState />;
  return <FilteredSites sites={sites} />;
}

export function App() {
  useKeyboardShortcuts();
  return (
    <div className="app">
      <AppHeader />
      <StatusProblemBanner />
      {/* tabIndex -1: focus lands here when the element that had it disappears. */}
      <main id="content" className="app-main" tabIndex={-1}>
        <GlobalNotices />
        <SitesContent />
      </main>
      <SettingsDialog />
      <WorkerConfigDialog />
      <LogDialog />
      <LiveAnnouncer />
    </div>
  );
}
