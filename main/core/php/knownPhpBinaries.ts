// Running `php -r` to prove a binary is PHP costs a process (~30 ms); starting 50 sites did it
// 50 times for the same binary. A binary proven once is trusted again while its file is the
// same file, unchanged (same inode, size, mtime and ctime) and still executable.
import { access, constants, realpath, stat } from 'node:fs/promises';
import { inspectPhpBinary, type PhpBinary } from './phpBinaries';

interface Proven {
  identity: string;
  binary: PhpBinary;
}

const proven = new Map<string, Proven>();
const MAX_PROVEN = 64;

async function fileIdentity(path: string): Promise<string | null> {
  try {
    const real = await realpath(path);
    const info = await stat(real);
    await access(real, constants.X_OK);
    if (!info.isFile()) return null;
    return `${real}:${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
  } catch {
    return null;
  }
}

/** inspectPhpBinary, without running PHP again for a binary already proven and unchanged. */
export async function checkPhpBinary(candidate: string): Promise<PhpBinary> {
  const identity = await fileIdentity(candidate);
  const known = proven.get(candidate);
  if (identity && known?.identity === identity) return known.binary;
  // Unknown, changed or gone: the full check, with its own error messages.
  const binary = await inspectPhpBinary(candidate);
  if (identity) {
    if (proven.size >= MAX_PROVEN) proven.clear();
    proven.set(candidate, { identity, binary });
  }
  return binary;
}
