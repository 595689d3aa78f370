import { useEffectEvent, useLayoutEffect, useRef } from 'react';
import type { SiteStatus } from '../../../main/ipc/contract';
import { useSitesStore } from '../store/sitesStore';
import { RestartIcon } from '../ui/icons';

interface FailureCalloutProps {
  site: SiteStatus;
  busy: boolean;
  /** Where focus goes when the callout goes away with focus in it (the worker recovered). */
  fallbackFocus: () => HTMLElement | null;
}

/** A failed or crash-looping worker: why, and the one thing to do about it. */
export function FailureCallout({ site, busy, fallbackFocus }: FailureCalloutProps) {
  const resetAndStart = useSitesStore((s) => s.resetAndStart);
  const callout = useRef<HTMLDivElement>(null);
  const focusFallback = useEffectEvent(() => fallbackFocus()?.focus());

  useLayoutEffect(() => {
    const element = callout.current;
    return () => {
      const active = document.activeElement;
      if (!active || active === document.body || element?.contains(active)) {
        focusFallback();
      }
    };
  }, []);

  return (
    <div ref={callout} className="site-row__reason site-row__reason--failed failure">
      <p className="failure__text">
        {site.reason?.text ?? 'The queue worker failed. Its log shows what PHP or Laravel printed.'}
      </p>
      <button
        type="button"
        className="button button--primary button--small failure__action"
        aria-label={`Reset and start ${site.name}`}
        disabled={busy}
        onClick={() => void resetAndStart(site.site)}
      >
        <RestartIcon className="icon" />
        Reset and start
      </button>
    </div>
  );
}
