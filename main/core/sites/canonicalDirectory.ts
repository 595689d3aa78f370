import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ServerMarkError } from '../errors/serverMarkError';
import { rawFieldProblem, unitPathProblem } from '../units/systemdSyntax';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
// Linux: NAME_MAX bytes per component, PATH_MAX bytes (with the final NUL) per path.
const NAME_MAX = 255;
const PATH_MAX = 4096;

function pathLengthProblem(path: string): string | null {
  const long = path.split('/').find((part) => Buffer.byteLength(part) > NAME_MAX);
  if (long !== undefined) {
    return `the folder name "${long.slice(0, 40)}…" is ${Buffer.byteLength(long)} bytes long (at most ${NAME_MAX})`;
  }
  const bytes = Buffer.byteLength(path);
  if (bytes >= PATH_MAX) return `it is ${bytes} bytes long (at most ${PATH_MAX - 1})`;
  return null;
}

function invalidPath(shown: string, problem: string): ServerMarkError {
  return new ServerMarkError(
    'INVALID_PATH',
    `The directory ${JSON.stringify(shown)} cannot be used because ${problem}.`,
  );
}

// What realpath's failure means for the user, in their terms.
function resolveError(directory: string, error: unknown): ServerMarkError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENAMETOOLONG') return invalidPath(directory, 'it is too long for the system');
  if (code === 'ELOOP') return invalidPath(directory, 'its symbolic links form a loop');
  if (code === 'EACCES') {
    return new ServerMarkError(
      'NOT_A_DIRECTORY',
      `${directory} cannot be opened: permission denied on it or a folder above it.`,
    );
  }
  // A name that was not UTF-8 on disk reaches us with U+FFFD in it, and so never matches.
  const hint = directory.includes('\ufffd')
    ? ' Its name may not be valid UTF-8: rename the folder so it is.'
    : '';
  return new ServerMarkError('NOT_A_DIRECTORY', `${directory} does not exist.${hint}`);
}

/**
 * The absolute, symlink-free path of a site directory, as its units will hold it: relative
 * paths and `..` are resolved, symlinks followed (the unit runs in the real directory).
 * Anything systemd's WorkingDirectory= cannot hold literally is refused, before the disk is read.
 */
export async function canonicalDirectory(directory: unknown): Promise<string> {
  if (typeof directory !== 'string') {
    throw new ServerMarkError('INVALID_PATH', 'The directory must be given as text.');
  }
  const inputProblem = rawFieldProblem(directory);
  if (inputProblem) throw invalidPath(directory, inputProblem);
  const absolute = resolve(directory);
  // Too long for the kernel (and a unit) is said as such, not as "does not exist".
  const lengthProblem = pathLengthProblem(absolute);
  if (lengthProblem) throw invalidPath(absolute, lengthProblem);
  let real: Buffer;
  try {
    // As bytes: a name that is not UTF-8 on disk must be refused, not silently replaced.
    real = await realpath(absolute, { encoding: 'buffer' });
  } catch (error) {
    throw resolveError(directory, error);
  }
  let path: string;
  try {
    path = STRICT_UTF8.decode(real);
  } catch {
    throw invalidPath(
      real.toString('utf8'),
      'its real path is not valid UTF-8 (a folder name in another encoding); rename that folder',
    );
  }
  if (!(await stat(path)).isDirectory()) {
    throw new ServerMarkError('NOT_A_DIRECTORY', `${directory} is not a directory.`);
  }
  // The canonical path is what systemd will see in WorkingDirectory=: check it too.
  const canonicalProblem = unitPathProblem(path);
  if (canonicalProblem) throw invalidPath(path, canonicalProblem);
  return path;
}
