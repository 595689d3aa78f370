import { ServerMarkError } from '../errors/serverMarkError';
import { rawFieldProblem } from '../units/systemdSyntax';

const MAX_NAME = 100;

/** Site names appear in unit descriptions and on the command line: keep them printable. */
export function validateSiteName(name: string): string {
  const problem = rawFieldProblem(name);
  if (problem)
    throw new ServerMarkError('INVALID_NAME', `The site name cannot be used because ${problem}.`);
  if ([...name].length > MAX_NAME) {
    throw new ServerMarkError('INVALID_NAME', `The site name is over ${MAX_NAME} characters.`);
  }
  return name;
}

/**
 * The name a site gets when none is given: its folder's name, trimmed and cut to fit, so any
 * folder systemd can run in (a 255-byte name, a leading space) can be added without --name.
 */
export function siteNameFromDirectory(path: string): string {
  const base = path.split('/').filter(Boolean).pop()?.trim() ?? '';
  const chars = [...base];
  const fitted = chars.length > MAX_NAME ? `${chars.slice(0, MAX_NAME - 1).join('')}…` : base;
  return fitted || 'site';
}

/** The first of `name`, `name (2)`, `name (3)`… that no other site uses. */
export function uniqueSiteName(name: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
