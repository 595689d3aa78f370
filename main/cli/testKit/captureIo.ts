import type { CliCore, CliIo } from '../cliIo';
import { main } from '../servermark';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** How many times the CLI built a core: 0 proves help and usage errors never touch it. */
  coresCreated: number;
}

export interface RunOptions {
  core?: CliCore;
  tty?: boolean;
  env?: NodeJS.ProcessEnv;
  /** When a following command (--watch) should end; by default at once. */
  interrupted?: Promise<void>;
}

/** Runs `main()` in-process with captured output, as `servermark ARGV` would in a shell. */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let coresCreated = 0;
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
    env: options.env ?? {},
    createCore: () => {
      coresCreated++;
      if (!options.core) throw new Error('This test gave the CLI no core');
      return options.core;
    },
    untilInterrupted: () => options.interrupted ?? Promise.resolve(),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, coresCreated };
}
