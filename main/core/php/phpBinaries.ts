import { access, constants, readdir, realpath, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import { execa } from 'execa';
import { ServerMarkError } from '../errors/serverMarkError';

export interface PhpBinary {
  /** Absolute path with symlinks resolved, so the unit pins the exact PHP that runs. */
  path: string;
  version: string;
}

const PHP_NAME = /^php(\d+(\.\d+)?)?$/;
// Where distributions and version managers put PHP beyond the user's PATH.
const USUAL_DIRS = [
  '/usr/bin',
  '/usr/local/bin',
  '/opt/homebrew/bin',
  '/home/linuxbrew/.linuxbrew/bin',
];

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    const info = await stat(path);
    await access(path, constants.X_OK);
    return info.isFile();
  } catch {
    return false;
  }
}

async function phpVersion(path: string): Promise<string | null> {
  const result = await execa(path, ['-n', '-r', 'echo PHP_VERSION;'], {
    reject: false,
    timeout: 10_000,
    stdin: 'ignore',
  });
  return result.exitCode === 0 && /^\d+\.\d+/.test(result.stdout) ? result.stdout.trim() : null;
}

/** Checks a PHP binary the user chose; the error says what to fix. */
export async function inspectPhpBinary(candidate: string): Promise<PhpBinary> {
  if (!isAbsolute(candidate)) {
    throw new ServerMarkError(
      'PHP_NOT_FOUND',
      `PHP binary "${candidate}" must be an absolute path.`,
    );
  }
  if (!(await isExecutableFile(candidate))) {
    throw new ServerMarkError(
      'PHP_NOT_FOUND',
      `PHP binary ${candidate} does not exist or is not executable.`,
    );
  }
  const path = await realpath(candidate);
  const version = await phpVersion(path);
  if (!version) {
    throw new ServerMarkError(
      'PHP_NOT_FOUND',
      `${candidate} did not run as PHP (\`php -r 'echo PHP_VERSION;'\` failed).`,
    );
  }
  return { path, version };
}

/** PHP binaries on PATH and in the usual places, the PATH's `php` first. */
export async function findPhpBinaries(env: NodeJS.ProcessEnv = process.env): Promise<PhpBinary[]> {
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(isAbsolute), ...USUAL_DIRS];
  const candidates: string[] = [];
  for (const dir of dirs) candidates.push(join(dir, 'php'));
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.sort()) if (PHP_NAME.test(name)) candidates.push(join(dir, name));
  }
  const seen = new Set<string>();
  const found: PhpBinary[] = [];
  for (const candidate of candidates) {
    if (!(await isExecutableFile(candidate))) continue;
    const path = await realpath(candidate);
    if (seen.has(path)) continue;
    seen.add(path);
    const version = await phpVersion(path);
    if (version) found.push({ path, version });
  }
  return found;
}

export async function defaultPhpBinary(env: NodeJS.ProcessEnv = process.env): Promise<PhpBinary> {
  const [first] = await findPhpBinaries(env);
  if (!first) {
    throw new ServerMarkError(
      'PHP_NOT_FOUND',
      'No PHP binary was found on PATH or in /usr/bin or /usr/local/bin. Install PHP or pass --php /path/to/php.',
    );
  }
  return first;
}
