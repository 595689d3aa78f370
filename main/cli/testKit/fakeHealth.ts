// An in-memory Health for CLI tests: the test sets checks and findings, the fake records calls.
import { ServerMarkError } from '../../core/errors/serverMarkError';
import type { Health } from '../../core/health/health';
import type { PreflightCheck } from '../../core/preflight/preflightCheck';
import type { Finding, ReconcileAction } from '../../core/reconcile/finding';

export interface FakeHealth extends Health {
  checks: PreflightCheck[];
  findings: Finding[];
  /** When set, scan() fails with it (e.g. a corrupt registry). */
  scanError?: ServerMarkError;
  calls: string[];
}

export function createFakeHealth(): FakeHealth {
  const health: FakeHealth = {
    checks: [],
    findings: [],
    calls: [],
    async preflight() {
      health.calls.push('preflight');
      return { checks: health.checks, ranAt: '2026-12-04T12:00:00.000Z' };
    },
    async scan() {
      health.calls.push('scan');
      if (health.scanError) throw health.scanError;
      return {
        findings: health.findings,
        adopted: [],
        systemdProblem: null,
        scannedAt: '2026-12-04T12:00:00.000Z',
      };
    },
    async apply(findingId: string, action: ReconcileAction) {
      health.calls.push(`apply ${findingId} ${action}`);
      const finding = health.findings.find((f) => f.id === findingId);
      if (!finding) throw new ServerMarkError('NOT_APPLICABLE', `Nothing to fix for ${findingId}.`);
      if (!finding.actions.includes(action)) {
        throw new ServerMarkError('NOT_APPLICABLE', `"${action}" is not offered.`);
      }
      health.findings = health.findings.filter((f) => f !== finding);
      return { findingId, action, message: `Did ${action} on ${findingId}.` };
    },
    async applyAll() {
      health.calls.push('applyAll');
      const results = [];
      for (const finding of [...health.findings]) {
        try {
          results.push(await health.apply(finding.id, finding.actions[0]!));
        } catch (error) {
          results.push({
            findingId: finding.id,
            action: finding.actions[0]!,
            error: error as ServerMarkError,
          });
        }
      }
      return results;
    },
    async recoverRegistry() {
      health.calls.push('recoverRegistry');
      return { movedTo: '/cfg/registry.json.corrupt-20261204T120000000Z', reason: 'not JSON' };
    },
    watch() {
      return { refresh: async () => undefined, stop: () => undefined };
    },
  };
  return health;
}
