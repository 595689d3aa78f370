import type { WorkerStateName } from '../../core/workers/workerState';
import type { CliIo } from '../cliIo';

export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  state(state: WorkerStateName, text?: string): string;
}

// https://no-color.org, and nothing for pipes or dumb terminals so scripts get plain text.
export function colourWanted(io: Pick<CliIo, 'stdout' | 'env'>): boolean {
  return io.stdout.isTTY === true && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
}

const STATE_COLOUR: Record<WorkerStateName, number> = {
  running: 32,
  starting: 33,
  stopping: 33,
  stopped: 2,
  failed: 31,
};

export function createStyle(enabled: boolean): Style {
  const sgr = (code: number) => (text: string) =>
    enabled ? `\u001b[${code}m${text}\u001b[0m` : text;
  return {
    enabled,
    bold: sgr(1),
    dim: sgr(2),
    state: (state, text = state) => sgr(STATE_COLOUR[state])(text),
  };
}
