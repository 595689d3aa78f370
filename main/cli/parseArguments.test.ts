import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError, type CommandShape } from './parseArguments';
import { COMMANDS } from './servermark';

function parse(...argv: string[]) {
  return parseCommandLine(argv, COMMANDS);
}

function usageError(...argv: string[]): UsageError {
  try {
    parse(...argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

function run(...argv: string[]) {
  const parsed = parse(...argv);
  if (parsed.kind !== 'run') throw new Error(`expected a command, got ${parsed.kind}`);
  return parsed;
}

describe('parseCommandLine', () => {
  it('finds the command and its positional, with options in any order', () => {
    const parsed = run('sites', 'add', '--php', '/usr/bin/php', './shop', '--name=Shop', '--json');
    expect(parsed.command.group).toBe('sites');
    expect(parsed.command.action).toBe('add');
    expect(parsed.args).toEqual({ dir: './shop' });
    expect(parsed.options).toMatchObject({ name: 'Shop', php: '/usr/bin/php', json: true });
    expect(parsed.json).toBe(true);
  });

  it('accepts global flags before the command', () => {
    const parsed = run('--json', 'worker', 'status');
    expect(parsed.command.action).toBe('status');
    expect(parsed.json).toBe(true);
    expect(parsed.args).toEqual({ site: undefined });
  });

  it('takes a directory that looks like a flag after --', () => {
    expect(run('sites', 'add', '--', '--weird dir').args).toEqual({ dir: '--weird dir' });
    expect(run('worker', 'start', '--', '-h').args).toEqual({ site: '-h' });
  });

  it('passes hostile text through untouched', () => {
    const dir = '/tmp/My "Q" app $HOME %h ünï';
    expect(run('sites', 'add', dir, '--name', 'ünï $x').args.dir).toBe(dir);
  });

  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['sites', 'list', '--bogus'], 'unknown option --bogus'],
    [['sites', 'list', '-x'], 'unknown option -x'],
    // --name belongs to `sites add` only.
    [['worker', 'status', '--name', 'x'], 'unknown option --name'],
    [['sites', 'add'], 'missing <dir>'],
    [['worker', 'start'], 'missing <site>'],
    [['worker', 'start', ''], '<site> must not be empty'],
    [['worker', 'start', 'a', 'b'], 'unexpected argument "b"'],
    [['sites', 'list', 'extra'], 'unexpected argument "extra"'],
    [['sites', 'add', 'dir', '--name'], 'option --name needs a value'],
    [['sites', 'add', 'dir', '--name', '--json'], 'option --name needs a value'],
    [['sites', 'list', '--json=yes'], 'option --json does not take a value'],
    [[], 'missing command'],
    [['deploy'], 'unknown command "deploy"'],
    [['sites'], 'missing sites command: add, scan, list, remove'],
    [['worker', 'explode'], 'unknown command "worker explode"'],
    [['help', 'nope'], 'unknown command "nope"'],
  ])('refuses %j: %s', (argv, message) => {
    expect(usageError(...argv).message).toContain(message);
  });

  it('names the command in a usage error, so the hint can show its usage', () => {
    const error = usageError('worker', 'start');
    expect(error.topic.group).toBe('worker');
    expect((error.topic.command as CommandShape).action).toBe('start');
    expect(usageError('sites').topic).toEqual({ group: 'sites' });
    expect(usageError('deploy').topic).toEqual({});
  });

  it('gives help for the deepest command named, even when arguments are missing', () => {
    expect(parse('--help')).toMatchObject({ kind: 'help', topic: {} });
    expect(parse('-h')).toMatchObject({ kind: 'help', topic: {} });
    expect(parse('sites', '-h')).toMatchObject({ kind: 'help', topic: { group: 'sites' } });
    const help = parse('worker', 'start', '--help');
    expect(help.kind === 'help' && help.topic.command?.action).toBe('start');
    const byWord = parse('help', 'sites', 'add');
    expect(byWord.kind === 'help' && byWord.topic.command?.action).toBe('add');
    expect(parse('help')).toMatchObject({ kind: 'help', topic: {} });
  });

  it('prints the version with --version', () => {
    expect(parse('--version')).toEqual({ kind: 'version', json: false });
    expect(parse('--version', '--json')).toEqual({ kind: 'version', json: true });
  });
});
