import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | undefined>;

export const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies OptionSpecs;

export interface PositionalSpec {
  name: string;
  optional?: boolean;
}

/** What the parser needs to know about a command; the commands add their handlers. */
export interface CommandShape {
  group: string;
  action: string;
  options: OptionSpecs;
  positionals: PositionalSpec[];
}

/** A bad command line: exit 2, with a usage hint for `group`/`command` when known. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly topic: { group?: string; command?: CommandShape } = {},
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export type HelpTopic = { group?: string; command?: CommandShape };

export type ParsedCommandLine<C extends CommandShape> =
  | { kind: 'help'; topic: HelpTopic; json: boolean }
  | { kind: 'version'; json: boolean }
  | {
      kind: 'run';
      command: C;
      options: OptionValues;
      args: Record<string, string | undefined>;
      json: boolean;
    };

// Node's messages are long and mention its own API; keep the part a user needs.
function usageMessage(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = message ?? String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(text)?.[1];
    return option ? `unknown option ${option}` : text;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /'(-[^' ]+)/.exec(text)?.[1];
    if (/argument missing|argument is ambiguous|ambiguous/i.test(text) && option) {
      return `option ${option} needs a value (use ${option}=VALUE if the value starts with "-")`;
    }
    if (/does not take an argument/.test(text) && option)
      return `option ${option} does not take a value`;
  }
  return text.split('. ')[0] ?? text;
}

function describe(positional: PositionalSpec): string {
  return `<${positional.name}>`;
}

/**
 * Finds the command (the first two words), then parses strictly with exactly that command's
 * options, so a flag another command knows is still an error here.
 */
export function parseCommandLine<C extends CommandShape>(
  argv: string[],
  commands: readonly C[],
): ParsedCommandLine<C> {
  const everyOption: OptionSpecs = { ...GLOBAL_OPTIONS };
  for (const command of commands) Object.assign(everyOption, command.options);
  let loose;
  try {
    loose = parseArgs({ args: argv, options: everyOption, strict: false, allowPositionals: true });
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }
  const json = loose.values.json === true;
  const help = loose.values.help === true;
  const [group, action, ...extra] = loose.positionals;

  if (group === 'help') {
    return { kind: 'help', topic: helpTopic(commands, action, extra[0]), json };
  }
  if (group === undefined) {
    if (help) return { kind: 'help', topic: {}, json };
    if (loose.values.version === true) return { kind: 'version', json };
    // Report a stray flag before the missing command: it is the likelier mistake.
    strictParse(argv, GLOBAL_OPTIONS, {});
    throw new UsageError('missing command');
  }
  const inGroup = commands.filter((c) => c.group === group);
  if (inGroup.length === 0) throw new UsageError(`unknown command "${group}"`);
  // A one-word command (`doctor`): every word after it is its own argument.
  const single = inGroup.find((c) => c.action === '');
  if (action === undefined && !single) {
    if (help) return { kind: 'help', topic: { group }, json };
    throw new UsageError(`missing ${group} command: ${inGroup.map((c) => c.action).join(', ')}`, {
      group,
    });
  }
  const command = single ?? inGroup.find((c) => c.action === action);
  if (!command) {
    if (help) return { kind: 'help', topic: { group }, json };
    throw new UsageError(`unknown command "${group} ${action}"`, { group });
  }
  if (help) return { kind: 'help', topic: { group, command }, json };
  if (loose.values.version === true) return { kind: 'version', json };

  const strict = strictParse(argv, { ...GLOBAL_OPTIONS, ...command.options }, { group, command });
  const words = strict.positionals.slice(single ? 1 : 2);
  const args: Record<string, string | undefined> = {};
  command.positionals.forEach((positional, index) => {
    const value = words[index];
    if (value === undefined && !positional.optional) {
      throw new UsageError(`missing ${describe(positional)}`, { group, command });
    }
    if (value === '') {
      throw new UsageError(`${describe(positional)} must not be empty`, { group, command });
    }
    args[positional.name] = value;
  });
  const unexpected = words[command.positionals.length];
  if (unexpected !== undefined) {
    throw new UsageError(`unexpected argument ${JSON.stringify(unexpected)}`, { group, command });
  }
  return { kind: 'run', command, options: strict.values as OptionValues, args, json };
}

function strictParse(argv: string[], options: OptionSpecs, topic: HelpTopic) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(usageMessage(error), topic);
  }
}

function helpTopic<C extends CommandShape>(
  commands: readonly C[],
  group: string | undefined,
  action: string | undefined,
): HelpTopic {
  if (group === undefined) return {};
  if (!commands.some((c) => c.group === group)) throw new UsageError(`unknown command "${group}"`);
  const single = commands.find((c) => c.group === group && c.action === '');
  if (single) return { group, command: single };
  if (action === undefined) return { group };
  const command = commands.find((c) => c.group === group && c.action === action);
  if (!command) throw new UsageError(`unknown command "${group} ${action}"`, { group });
  return { group, command };
}
