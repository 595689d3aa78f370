import type { ErrorView } from '../../core/errors/serverMarkError';
import type { PreflightCheck, PreflightReport } from '../../core/preflight/preflightCheck';
import type { ApplyOutcome, Finding, ReconcileReport } from '../../core/reconcile/finding';
import type { Style } from './style';
import { printable } from './terminalText';

const SEVERITY_MARK = { error: 'error', warning: 'warn ', info: 'info ' } as const;

function paint(style: Style, severity: PreflightCheck['severity'], text: string): string {
  if (severity === 'error') return style.state('failed', text);
  if (severity === 'warning') return style.state('starting', text);
  return style.dim(text);
}

function checkLines(check: PreflightCheck, style: Style): string {
  const lines = [
    `  ${paint(style, check.severity, SEVERITY_MARK[check.severity])}  ${printable(check.message)}`,
  ];
  if (check.fix?.kind === 'command') lines.push(`         fix: ${printable(check.fix.command)}`);
  if (check.fix?.kind === 'action' && check.fix.action === 'registry:recover') {
    lines.push(`         fix: servermark doctor --fix registry   (${check.fix.label})`);
  }
  return lines.join('\n') + '\n';
}

function findingLines(finding: Finding, style: Style): string {
  const [recommended, ...others] = finding.actions;
  const lines = [
    `  ${paint(style, finding.severity, SEVERITY_MARK[finding.severity])}  ${style.bold(printable(finding.title))}  [${finding.id}]`,
    `         ${printable(finding.message)}`,
    `         fix: servermark doctor --fix ${finding.id}   (${recommended})`,
  ];
  for (const action of others) {
    lines.push(`         or:  servermark doctor --fix ${finding.id} --action ${action}`);
  }
  return lines.join('\n') + '\n';
}

export interface DoctorView {
  preflight: PreflightReport;
  reconcile: ReconcileReport | { error: ErrorView };
  /** Site id → name, to label per-site checks. */
  siteNames: Map<string, string>;
}

/** The doctor's report: machine, then each site, then reconcile findings; a summary last. */
export function formatDoctor(view: DoctorView, style: Style): string {
  const { checks } = view.preflight;
  const system = checks.filter((c) => c.scope === 'system');
  const bySite = new Map<string, PreflightCheck[]>();
  for (const check of checks.filter((c) => c.scope !== 'system')) {
    bySite.set(check.scope, [...(bySite.get(check.scope) ?? []), check]);
  }
  let out = `${style.bold('System')}\n`;
  out += system.length ? system.map((c) => checkLines(c, style)).join('') : '  ok\n';
  for (const [siteId, siteChecks] of bySite) {
    const name = view.siteNames.get(siteId);
    out += `${style.bold(`Site ${printable(name ?? siteId)}`)}${name ? ` (${siteId})` : ''}\n`;
    out += siteChecks.map((c) => checkLines(c, style)).join('');
  }
  out += `${style.bold('Units and imports')}\n`;
  if ('error' in view.reconcile) {
    out += `  ${paint(style, 'error', SEVERITY_MARK.error)}  ${printable(view.reconcile.error.message)}\n`;
  } else {
    const { findings, systemdProblem } = view.reconcile;
    if (systemdProblem)
      out += `  ${style.dim('note ')}  systemd could not be asked (${printable(systemdProblem)}): only files were checked.\n`;
    out += findings.length ? findings.map((f) => findingLines(f, style)).join('') : '  ok\n';
  }
  const errors = checks.filter((c) => c.severity === 'error').length;
  const warnings =
    checks.filter((c) => c.severity === 'warning').length +
    ('error' in view.reconcile
      ? 0
      : view.reconcile.findings.filter((f) => f.severity === 'warning').length);
  out +=
    errors + warnings === 0
      ? 'No problems found.\n'
      : `${errors} error(s), ${warnings} warning(s).${'error' in view.reconcile || view.reconcile.findings.length ? ' Fix all findings with: servermark doctor --fix-all' : ''}\n`;
  return out;
}

export function formatFixed(outcome: ApplyOutcome): string {
  return `${printable(outcome.message)}\n`;
}

export function formatRecovered(recovered: { movedTo: string; reason: string }): string {
  return `Moved the unreadable site registry aside to ${printable(recovered.movedTo)} (kept as it was).\nServerMark now starts with no sites; add them again, or repair the old file and move it back.\nIt could not be read because: ${printable(recovered.reason)}\n`;
}
