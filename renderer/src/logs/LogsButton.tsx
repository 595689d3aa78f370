import type { SiteStatus } from '../../../main/ipc/contract';
import { useLogViewStore } from './logViewStore';
import './logs.css';

/** The row's way into its workers' logs (the default worker's first). */
export function LogsButton({ site }: { site: SiteStatus }) {
  const open = useLogViewStore((s) => s.open);
  return (
    <button
      type="button"
      className="button button--quiet logs-button"
      aria-label={`Logs for ${site.name}`}
      aria-haspopup="dialog"
      onClick={() =>
        open({ siteId: site.site, siteName: site.name, workers: site.workers.map((w) => w.name) })
      }
    >
      Logs
    </button>
  );
}
