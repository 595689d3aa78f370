import type { ServerMark } from '../core/serverMark';

/** The slice of the core the CLI drives; tests hand in a fake. */
export type CliCore = Pick<
  ServerMark,
  | 'listSites'
  | 'resolveSite'
  | 'addSite'
  | 'scanDirectory'
  | 'removeSite'
  | 'startWorkers'
  | 'stopWorkers'
  | 'restartWorkers'
  | 'status'
  | 'onStatus'
  | 'startLive'
  | 'health'
  | 'logs'
  | 'workerConfig'
  | 'configureWorker'
  | 'addWorker'
  | 'removeWorker'
> & {
  /** Releases whatever the core holds open, when it has such a method. */
  close?(): void;
};

export interface TextSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Everything the CLI touches outside itself, injected so `main()` runs in-process in tests. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  env: NodeJS.ProcessEnv;
  /** Built only when a command needs it, so `--help` never touches the disk or systemd. */
  createCore(env: NodeJS.ProcessEnv): CliCore;
  /** Resolves when the user interrupts (Ctrl+C, SIGTERM): how following commands end. */
  untilInterrupted(): Promise<void>;
}
