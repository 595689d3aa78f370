import { useWorkerConfigStore } from './workerConfigStore';
import './workerConfig.css';

/** The row's way into its workers' settings. */
export function ConfigureButton({ siteId, siteName }: { siteId: string; siteName: string }) {
  const open = useWorkerConfigStore((s) => s.open);
  return (
    <button
      type="button"
      className="button button--quiet configure-button"
      aria-label={`Configure ${siteName}`}
      aria-haspopup="dialog"
      onClick={() => open(siteId, siteName)}
    >
      Configure
    </button>
  );
}
