// Reads the literal part of a Laravel config file (`return [ … ];`) without running PHP:
// arrays, strings, integers, booleans, null, `(int)` casts and `env('NAME', default)` calls.
// Anything else becomes UNKNOWN, so a clever config degrades to "not known", never to a wrong value.

export const UNKNOWN: unique symbol = Symbol('unknown PHP expression');

export interface EnvCall {
  env: string;
  fallback: PhpValue;
}

export type PhpValue =
  | string
  | number
  | boolean
  | null
  | EnvCall
  | PhpArray
  | typeof UNKNOWN
  | { cast: 'int'; value: PhpValue };

export class PhpArray {
  readonly entries = new Map<string, PhpValue>();
  get(key: string): PhpValue | undefined {
    return this.entries.get(key);
  }
}

type Token =
  | { kind: 'string'; value: string | typeof UNKNOWN }
  | { kind: 'number'; value: number }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: string };

const PUNCTUATION = ['=>', '::', '[', ']', '(', ')', ',', ';', '.', '?', ':', '-', '+', '*', '/'];

function readQuoted(
  source: string,
  start: number,
): { value: string | typeof UNKNOWN; end: number } {
  const quote = source[start]!;
  let value = '';
  let interpolated = false;
  for (let i = start + 1; i < source.length; i += 1) {
    const char = source[i]!;
    if (char === quote) return { value: interpolated ? UNKNOWN : value, end: i + 1 };
    if (char === '\\' && i + 1 < source.length) {
      const next = source[i + 1]!;
      if (next === quote || next === '\\') {
        value += next;
        i += 1;
        continue;
      }
      // Other escapes mean something only in "…": too rare in config names to interpret.
      if (quote === '"') interpolated = true;
    }
    if (quote === '"' && (char === '$' || char === '{')) interpolated = true;
    value += char;
  }
  throw new Error('unterminated string');
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = source.startsWith('<?php') ? 5 : 0;
  while (i < source.length) {
    const char = source[i]!;
    const rest = source.slice(i, i + 2);
    if (/\s/.test(char)) i += 1;
    else if (rest === '//' || (char === '#' && source[i + 1] !== '[')) {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end + 1;
    } else if (rest === '/*') {
      const end = source.indexOf('*/', i + 2);
      if (end === -1) throw new Error('unterminated comment');
      i = end + 2;
    } else if (char === "'" || char === '"') {
      const { value, end } = readQuoted(source, i);
      tokens.push({ kind: 'string', value });
      i = end;
    } else if (/[0-9]/.test(char)) {
      const match = /^(?:0x[0-9a-f]+|[0-9][0-9_]*)/i.exec(source.slice(i))!;
      tokens.push({ kind: 'number', value: Number(match[0].replaceAll('_', '')) });
      i += match[0].length;
    } else if (/[A-Za-z_\\$]/.test(char)) {
      const match = /^[A-Za-z0-9_\\$]+/.exec(source.slice(i))!;
      tokens.push({ kind: 'word', value: match[0] });
      i += match[0].length;
    } else {
      const punct = PUNCTUATION.find((p) => source.startsWith(p, i)) ?? char;
      tokens.push({ kind: 'punct', value: punct });
      i += punct.length;
    }
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }

  private isPunct(value: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.kind === 'punct' && token.value === value;
  }

  private expect(value: string): void {
    if (!this.isPunct(value)) throw new Error(`expected ${value}`);
    this.at += 1;
  }

  /** Skips an expression we do not understand, stopping before `,` `=>` or a closing bracket. */
  private skipExpression(): typeof UNKNOWN {
    let depth = 0;
    while (this.at < this.tokens.length) {
      const token = this.peek()!;
      if (token.kind === 'punct') {
        if (token.value === '(' || token.value === '[') depth += 1;
        else if (token.value === ')' || token.value === ']') {
          if (depth === 0) break;
          depth -= 1;
        } else if (depth === 0 && [',', '=>', ';'].includes(token.value)) break;
      }
      this.at += 1;
    }
    return UNKNOWN;
  }

  private primary(): PhpValue {
    const token = this.peek();
    if (!token) throw new Error('unexpected end');
    if (token.kind === 'string' || token.kind === 'number') {
      this.at += 1;
      return token.value;
    }
    if (token.kind === 'punct' && token.value === '[') {
      this.at += 1;
      return this.arrayItems(']');
    }
    if (token.kind === 'punct' && token.value === '(' && this.peek(1)?.value === 'int') {
      if (!this.isPunct(')', 2)) return this.skipExpression();
      this.at += 3;
      return { cast: 'int', value: this.value() };
    }
    if (token.kind === 'word') {
      const word = token.value.toLowerCase();
      if (word === 'true' || word === 'false') {
        this.at += 1;
        return word === 'true';
      }
      if (word === 'null') {
        this.at += 1;
        return null;
      }
      if (word === 'array' && this.isPunct('(', 1)) {
        this.at += 2;
        return this.arrayItems(')');
      }
      if (word === 'env' && this.isPunct('(', 1)) return this.envCall();
    }
    return this.skipExpression();
  }

  private envCall(): PhpValue {
    const start = this.at;
    this.at += 2;
    const name = this.peek();
    if (name?.kind !== 'string' || name.value === UNKNOWN) {
      this.at = start;
      return this.skipExpression();
    }
    this.at += 1;
    let fallback: PhpValue = null;
    if (this.isPunct(',')) {
      this.at += 1;
      fallback = this.value();
    }
    if (!this.isPunct(')')) {
      this.at = start;
      return this.skipExpression();
    }
    this.at += 1;
    return { env: name.value, fallback };
  }

  /** A value, or UNKNOWN when anything (an operator, a call) follows it. */
  value(): PhpValue {
    const start = this.at;
    const value = this.primary();
    const next = this.peek();
    const ends =
      !next || (next.kind === 'punct' && [',', '=>', ']', ')', ';'].includes(next.value));
    if (ends) return value;
    this.at = start;
    return this.skipExpression();
  }

  private arrayItems(close: ']' | ')'): PhpArray {
    const array = new PhpArray();
    let nextIndex = 0;
    while (!this.isPunct(close)) {
      const first = this.value();
      if (this.isPunct('=>')) {
        this.at += 1;
        const value = this.value();
        if (typeof first === 'string' || typeof first === 'number') {
          array.entries.set(String(first), value);
        }
      } else {
        array.entries.set(String(nextIndex), first);
        nextIndex += 1;
      }
      if (this.isPunct(',')) this.at += 1;
      else if (!this.isPunct(close)) throw new Error(`expected , or ${close}`);
    }
    this.expect(close);
    return array;
  }

  returnedValue(): PhpValue {
    const index = this.tokens.findIndex((t) => t.kind === 'word' && t.value === 'return');
    if (index === -1) throw new Error('no return statement');
    this.at = index + 1;
    return this.value();
  }
}

/** The value a config file returns, as far as it is literal. Throws when it is not PHP we can read. */
export function parseConfigFile(source: string): PhpValue {
  return new Parser(tokenize(source)).returnedValue();
}

/** Resolves env() calls with the app's .env values (or their defaults) and (int) casts. */
export function resolveValue(
  value: PhpValue | undefined,
  env: ReadonlyMap<string, string>,
): PhpValue | undefined {
  if (value === undefined || value === null || value === UNKNOWN) return value;
  if (value instanceof PhpArray || typeof value !== 'object') return value;
  if ('cast' in value) {
    const inner = resolveValue(value.value, env);
    if (typeof inner === 'number') return Math.trunc(inner);
    if (typeof inner === 'string' && /^\s*-?\d+/.test(inner)) return parseInt(inner, 10);
    return UNKNOWN;
  }
  const fromFile = env.get(value.env);
  if (fromFile === undefined) return resolveValue(value.fallback, env);
  // Laravel's env() turns these words into PHP values; everything else stays a string.
  const word = fromFile.toLowerCase();
  if (word === 'true' || word === '(true)') return true;
  if (word === 'false' || word === '(false)') return false;
  if (word === 'null' || word === '(null)') return null;
  if (word === 'empty' || word === '(empty)') return '';
  return fromFile;
}

/** KEY=VALUE lines of a .env file, quotes removed; enough for names and numbers. */
export function parseDotEnv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    let value = match[2]!;
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    else value = value.replace(/\s+#.*$/, '');
    values.set(match[1]!, value);
  }
  return values;
}
