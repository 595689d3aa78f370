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

/** The first of `name`, `name (2)`, `name (3)`… that no other site uses. */
export function uniqueSiteName(name: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
