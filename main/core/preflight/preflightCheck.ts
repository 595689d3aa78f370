// What preflight reports: each problem found, who it affects and how to fix it.

export type PreflightSeverity = 'error' | 'warning' | 'info';

/** How to fix a problem: a command the user runs in a terminal, or an action ServerMark offers. */
export type PreflightFix =
  { kind: 'command'; command: string } | { kind: 'action'; action: PreflightAction; label: string };

/** Actions the window can offer as a button; each maps to one IPC channel. */
export type PreflightAction = 'registry:recover' | 'reconcile:scan';

export interface PreflightCheck {
  /** Stable per problem and scope, e.g. `linger-off` or `php-missing:k3j9x2ab`. */
  id: string;
  severity: PreflightSeverity;
  /** `system` for the machine, else the id of the site it affects. */
  scope: 'system' | string;
  message: string;
  fix?: PreflightFix;
}

export interface PreflightReport {
  checks: PreflightCheck[];
  /** When the checks ran (site checks may come from a cache up to a few seconds old). */
  ranAt: string;
}

// Errors first, then warnings, then notes; system-wide before per-site.
const SEVERITY_ORDER: Record<PreflightSeverity, number> = { error: 0, warning: 1, info: 2 };

export function sortChecks(checks: PreflightCheck[]): PreflightCheck[] {
  return [...checks].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      Number(b.scope === 'system') - Number(a.scope === 'system') ||
      a.id.localeCompare(b.id),
  );
}
