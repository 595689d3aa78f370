import type { CliCore } from '../cliIo';
import type { Style } from '../output/style';
import type { CommandShape, OptionValues } from '../parseArguments';

export interface CommandContext {
  core: CliCore;
  options: OptionValues;
  args: Record<string, string | undefined>;
  json: boolean;
  style: Style;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves when the user interrupts a command that runs until then (--watch, -f). */
  untilInterrupted(): Promise<void>;
}

export interface CliCommand extends CommandShape {
  /** e.g. `sites add <dir> [--name NAME] [--php PATH]` */
  usage: string;
  summary: string;
  /** Extra help lines: options and what the command does beyond its summary. */
  help: string[];
  /** Resolves to the exit code; failures throw and become exit 1. */
  run(context: CommandContext): Promise<number>;
}

/** A value the parser guarantees (a required positional or a string option). */
export function stringValue(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
