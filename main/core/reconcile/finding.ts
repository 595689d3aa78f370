import { createHash } from 'node:crypto';

// What reconcile found on disk and in systemd that does not match the registry, and what it offers.

export type FindingKind = 'legacy' | 'orphan' | 'drift' | 'import' | 'leftover';

/**
 * - migrate: replace a unit of the original ServerMark with ours, same options, and start it
 * - import-and-migrate: register the directory of such a unit as a site first
 * - remove: stop and delete the units (orphans, or a legacy unit the user does not want)
 * - rewrite: write the unit as ServerMark would now, over a hand edit, and restart what ran
 * - import: add the Laravel sites listed in the original ServerMark's sites.json
 * - clean: delete temp files and locks left by a killed ServerMark, reload systemd if needed
 */
export type ReconcileAction =
  'migrate' | 'import-and-migrate' | 'remove' | 'rewrite' | 'import' | 'clean';

export const RECONCILE_ACTIONS = [
  'migrate',
  'import-and-migrate',
  'remove',
  'rewrite',
  'import',
  'clean',
] as const satisfies readonly ReconcileAction[];

export interface Finding {
  /** Stable while the problem lasts: the window sends it back to act on it. */
  id: string;
  kind: FindingKind;
  severity: 'warning' | 'info';
  /** The site it concerns, when it concerns one of ours. */
  siteId: string | null;
  /** One line, for a list. */
  title: string;
  /** What was found, why it matters, and what each action does. */
  message: string;
  /** Unit names involved (templates, instances, or a legacy unit). */
  units: string[];
  /** Offered actions, the recommended one first. */
  actions: ReconcileAction[];
}

export interface AdoptedSite {
  siteId: string;
  /** Our units of this site that systemd has loaded, found without being told. */
  units: string[];
}

export interface ReconcileReport {
  findings: Finding[];
  adopted: AdoptedSite[];
  /** Set when systemd could not be asked: findings then come from the disk only. */
  systemdProblem: string | null;
  scannedAt: string;
}

export interface ApplyOutcome {
  findingId: string;
  action: ReconcileAction;
  /** What was done, in a sentence. */
  message: string;
}

const SAFE_ID_PART = /^[A-Za-z0-9@._:+-]{1,200}$/;
export const FINDING_ID_PATTERN = /^[a-z]+:[A-Za-z0-9@._:+-]{1,240}$/;

/** A finding id from a key that may hold anything (a legacy unit name from a hostile path). */
export function findingId(kind: FindingKind, key: string): string {
  if (SAFE_ID_PART.test(key)) return `${kind}:${key}`;
  return `${kind}:h${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}
