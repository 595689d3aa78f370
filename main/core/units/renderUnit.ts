import { join } from 'node:path';
import {
  escapeRawField,
  escapeUnitPath,
  quoteEnvironmentAssignment,
  quoteExecArgument,
} from './systemdSyntax';
import { queueWorkArguments, stopWaitSeconds, type WorkerOptions } from '../workers/workerOptions';
import { queueWorkFlags } from '../workers/config/optionSupport';
import { logMarkerDirectives } from '../logs/logMarkers';

export const UNIT_FORMAT_VERSION = '1';

export interface WorkerUnitSpec {
  siteId: string;
  siteName: string;
  sitePath: string;
  workerName: string;
  /** Absolute PHP binary: the user manager does not see the login shell's PATH. */
  php: string;
  options: WorkerOptions;
  /** Directory that holds the worker's output files; must exist before the unit starts. */
  logDir: string;
  /** Unit name prefix (without @instance.service), used to name log files per instance. */
  unitPrefix: string;
  /** The site's Laravel version: flags it lacks are left out of ExecStart. Unknown = all flags. */
  laravelVersion?: string | null;
}

// Restart=always: queue:work exits 0 on --max-time, --max-jobs and queue:restart and must come back.
// Five quick exits within 30 s end in start-limit-hit, which we report as a crash loop.
export const RESTART_SEC = 1;
export const START_LIMIT_INTERVAL_SEC = 30;
export const START_LIMIT_BURST = 5;

/** The text of the template unit (`prefix@.service`) that runs one worker's processes. */
export function renderWorkerUnit(spec: WorkerUnitSpec): string {
  const { options } = spec;
  const workDir = escapeUnitPath(spec.sitePath, 'The site directory');
  const logFile = `${escapeUnitPath(spec.logDir, 'The log directory')}/${spec.unitPrefix}@%i.log`;
  const description = escapeRawField(
    `ServerMark queue worker ${spec.workerName} for ${spec.siteName}`,
    'The site name',
  );
  const flags = queueWorkFlags(spec.laravelVersion ?? null);
  const execStart = [
    spec.php,
    join(spec.sitePath, 'artisan'),
    ...queueWorkArguments(options, flags),
  ]
    .map(quoteExecArgument)
    .join(' ');
  const environment = Object.entries(options.env)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `Environment=${quoteEnvironmentAssignment(name, value)}`);

  return [
    '# Managed by ServerMark: changes here are overwritten when the worker is started again.',
    '[Unit]',
    `Description=${description} (process %i)`,
    'After=network.target',
    `StartLimitIntervalSec=${START_LIMIT_INTERVAL_SEC}`,
    `StartLimitBurst=${START_LIMIT_BURST}`,
    `X-ServerMark-Format=${UNIT_FORMAT_VERSION}`,
    `X-ServerMark-Site=${spec.siteId}`,
    `X-ServerMark-Worker=${spec.workerName}`,
    '',
    '[Service]',
    'Type=exec',
    `WorkingDirectory=${workDir}`,
    `ExecStart=${execStart}`,
    ...logMarkerDirectives({
      command: [spec.php, 'artisan', ...queueWorkArguments(options, flags)],
      stopWaitSeconds: stopWaitSeconds(options),
    }),
    ...environment,
    'Restart=always',
    `RestartSec=${RESTART_SEC}`,
    'KillMode=mixed',
    'KillSignal=SIGTERM',
    `TimeoutStopSec=${stopWaitSeconds(options)}`,
    `StandardOutput=append:${logFile}`,
    `StandardError=append:${logFile}`,
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}
