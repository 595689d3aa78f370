import { ServerMarkError, toErrorView } from '../../core/errors/serverMarkError';
import { RECONCILE_ACTIONS, type ReconcileAction } from '../../core/reconcile/finding';
import { formatDoctor, formatFixed, formatRecovered } from '../output/doctorText';
import { formatError } from '../output/errorText';
import { toJsonText } from '../output/siteJson';
import { usageHint } from '../help';
import { stringValue, type CliCommand, type CommandContext } from './cliCommand';

// `--fix registry` is the explicit request to move an unreadable registry aside.
export const FIX_REGISTRY = 'registry';

async function report({ core, json, style, stdout }: CommandContext): Promise<number> {
  const [preflight, reconcile, sites] = await Promise.all([
    core.health.preflight(),
    core.health.scan().catch((error: unknown) => ({ error: toErrorView(error) })),
    core.listSites().catch(() => []),
  ]);
  const siteNames = new Map(sites.map((s) => [s.id, s.name]));
  stdout(
    json
      ? toJsonText({ checks: preflight.checks, ranAt: preflight.ranAt, reconcile })
      : formatDoctor({ preflight, reconcile, siteNames }, style),
  );
  return preflight.checks.some((c) => c.severity === 'error') ? 1 : 0;
}

async function fixOne(context: CommandContext, findingId: string): Promise<number> {
  const { core, json, stdout } = context;
  if (findingId === FIX_REGISTRY) {
    const recovered = await core.health.recoverRegistry();
    stdout(json ? toJsonText({ recovered }) : formatRecovered(recovered));
    return 0;
  }
  let action = stringValue(context.options, 'action') as ReconcileAction | undefined;
  if (action === undefined) {
    const finding = (await core.health.scan()).findings.find((f) => f.id === findingId);
    if (!finding) {
      throw new ServerMarkError(
        'NOT_APPLICABLE',
        `Nothing to fix for ${findingId}: the problem is gone (or the id is mistyped; see \`servermark doctor\`).`,
      );
    }
    action = finding.actions[0]!;
  }
  const fixed = await core.health.apply(findingId, action);
  stdout(json ? toJsonText({ fixed }) : formatFixed(fixed));
  return 0;
}

async function fixAll({ core, json, stdout, stderr }: CommandContext): Promise<number> {
  const results = await core.health.applyAll();
  const failed = results.filter((r) => 'error' in r);
  if (json) {
    stdout(
      toJsonText({
        results: results.map((r) => ('error' in r ? { ...r, error: toErrorView(r.error) } : r)),
      }),
    );
  } else {
    if (results.length === 0) stdout('Nothing to fix.\n');
    for (const result of results) {
      if ('error' in result) {
        stderr(
          formatError(
            {
              ...toErrorView(result.error),
              message: `${result.findingId}: ${result.error.message}`,
            },
            false,
          ),
        );
      } else stdout(formatFixed(result));
    }
  }
  return failed.length ? 1 : 0;
}

export const doctor: CliCommand = {
  group: 'doctor',
  action: '',
  usage: 'doctor [--fix ID [--action ACTION] | --fix-all]',
  summary: 'Check systemd, lingering and every site; find and fix leftover or foreign units',
  help: [
    'Without options: lists every problem with its fix (exit 1 if any is an error).',
    '',
    'Options:',
    '  --fix ID          Apply the recommended fix of one finding (ids are shown in brackets)',
    '  --action ACTION   With --fix: another offered action instead (e.g. remove instead of migrate)',
    `  --fix ${FIX_REGISTRY}    Move an unreadable registry aside (kept) and start with no sites`,
    '  --fix-all         Apply the recommended fix of every finding (not --fix registry)',
    '  --json            Print JSON: {checks, ranAt, reconcile}, {fixed}, {recovered} or {results}',
    '',
    'Actions: migrate, import-and-migrate, remove, rewrite, import, clean.',
  ],
  options: {
    fix: { type: 'string' },
    'fix-all': { type: 'boolean' },
    action: { type: 'string' },
  },
  positionals: [],
  async run(context) {
    const fix = stringValue(context.options, 'fix');
    const all = context.options['fix-all'] === true;
    const action = stringValue(context.options, 'action');
    if (fix !== undefined && all) return usage(context, 'use either --fix ID or --fix-all');
    if (fix === '') return usage(context, '--fix needs a finding id');
    if (action !== undefined && (fix === undefined || fix === FIX_REGISTRY)) {
      return usage(context, '--action goes with --fix ID');
    }
    if (action !== undefined && !(RECONCILE_ACTIONS as readonly string[]).includes(action)) {
      return usage(context, `unknown action "${action}" (one of ${RECONCILE_ACTIONS.join(', ')})`);
    }
    if (fix !== undefined) return fixOne(context, fix);
    if (all) return fixAll(context);
    return report(context);
  },
};

/** A bad combination of options: exit 2 with the usage, as the parser does for the rest. */
function usage({ json, stderr }: CommandContext, message: string): number {
  const view = { code: 'USAGE', message };
  stderr(
    json
      ? formatError(view, true)
      : formatError(view, false) + usageHint([doctor], { group: 'doctor', command: doctor }),
  );
  return 2;
}

export const DOCTOR_COMMANDS = [doctor];
