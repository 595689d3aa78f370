import type { CliCommand } from './commands/cliCommand';
import type { HelpTopic } from './parseArguments';

const GLOBAL_HELP = [
  'Global options:',
  '  --json       Print JSON on stdout; errors as {"error":{"code","message","detail"}} on stderr',
  '  -h, --help   Show help (also: servermark help <command>)',
  '  --version    Print the version',
];

const EXIT_CODES = 'Exit codes: 0 success, 1 failure, 2 usage error.';

function commandList(commands: readonly CliCommand[]): string[] {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
}

export function helpText(
  commands: readonly CliCommand[],
  topic: HelpTopic,
  version: string,
): string {
  let lines: string[];
  if (topic.command) {
    const command = topic.command as CliCommand;
    lines = [
      `Usage: servermark ${command.usage}`,
      '',
      `${command.summary}.`,
      '',
      ...command.help,
      '',
      ...GLOBAL_HELP,
    ];
  } else if (topic.group) {
    const inGroup = commands.filter((c) => c.group === topic.group);
    lines = [
      `Usage: servermark ${topic.group} <command> [options]`,
      '',
      'Commands:',
      ...commandList(inGroup),
      '',
      '<site> is a site id, name or directory.',
      '',
      ...GLOBAL_HELP,
    ];
  } else {
    lines = [
      `servermark ${version}: run each local Laravel site's queue workers as systemd user services.`,
      '',
      'Usage: servermark <command> [options]',
      '',
      'Commands:',
      ...commandList(commands),
      '',
      '<site> is a site id, name or directory.',
      '',
      ...GLOBAL_HELP,
      '',
      EXIT_CODES,
    ];
  }
  return `${lines.join('\n')}\n`;
}

/** The short hint after a usage error: the relevant usage lines and where to read more. */
export function usageHint(commands: readonly CliCommand[], topic: HelpTopic): string {
  if (topic.command) {
    const command = topic.command as CliCommand;
    const name = [command.group, command.action].filter(Boolean).join(' ');
    return `Usage: servermark ${command.usage}\nRun "servermark ${name} --help" for more.\n`;
  }
  if (topic.group) {
    const usages = commands
      .filter((c) => c.group === topic.group)
      .map((c) => `servermark ${c.usage}`);
    const lines = usages.map((usage, index) => `${index === 0 ? 'Usage: ' : '       '}${usage}`);
    return `${lines.join('\n')}\nRun "servermark ${topic.group} --help" for more.\n`;
  }
  return 'Usage: servermark <command> [options]\nRun "servermark --help" for the commands.\n';
}
