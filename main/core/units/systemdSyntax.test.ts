import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServerMarkError } from '../errors/serverMarkError';
import {
  escapeRawField,
  escapeUnitPath,
  quoteEnvironmentAssignment,
  quoteExecArgument,
  rawFieldProblem,
  unitPathProblem,
} from './systemdSyntax';

// A model of how systemd 252 reads one quoted ExecStart= word (systemd.syntax(7)): C escapes inside
// "…", then `%%` → `%` and `$$` → `$`. A lone `%` or `$` would be expanded by systemd, so it throws.
function decodeQuotedWord(word: string, { dollar = true } = {}): string {
  expect(word.startsWith('"') && word.endsWith('"') && word.length >= 2).toBe(true);
  const body = word.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '"') throw new Error(`unescaped quote inside ${JSON.stringify(word)}`);
    if (ch === '%') {
      if (body[i + 1] !== '%') throw new Error(`lone % (a specifier) in ${JSON.stringify(word)}`);
      out += '%';
      i++;
    } else if (ch === '$' && dollar) {
      if (body[i + 1] !== '$') throw new Error(`lone $ (a variable) in ${JSON.stringify(word)}`);
      out += '$';
      i++;
    } else if (ch === '\\') {
      const next = body[i + 1];
      if (next === '\\' || next === '"') {
        out += next;
        i++;
      } else if (next === 'x') {
        const hex = body.slice(i + 2, i + 4);
        expect(hex).toMatch(/^[0-9a-f]{2}$/);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 3;
      } else {
        throw new Error(`unexpected escape \\${next} in ${JSON.stringify(word)}`);
      }
    } else {
      out += ch;
    }
  }
  return out;
}

// What systemd's UTF-8 check refuses: broken UTF-16 (lone surrogates) and the noncharacters.
const notSystemdText = (value: string) =>
  !value.isWellFormed() || /\p{Noncharacter_Code_Point}/u.test(value);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ServerMarkError);
    return (error as ServerMarkError).code;
  }
  return undefined;
}

const anyText = fc.string({ unit: 'binary', maxLength: 80 });
const hostileText = fc.string({
  unit: fc.constantFrom(
    ...' "\'\\$%{};\n\r\t\u0000\u0001\u007f\u0085\u00a0h/.éé\u2028\ufeff😀'.split(''),
    '\ud800',
    '\udc00',
    '\ufdd0',
    '\ufffe',
    '\u{10ffff}',
    '\ufffd',
    'a',
    'HOME',
  ),
  maxLength: 40,
});

describe('quoteExecArgument', () => {
  it.each([
    ['/srv/my app/artisan', '"/srv/my app/artisan"'],
    ['say "hi"', '"say \\"hi\\""'],
    ["it's", '"it\'s"'],
    ['C:\\dir\\', '"C:\\\\dir\\\\"'],
    ['$HOME', '"$$HOME"'],
    ['${HOME}', '"$${HOME}"'],
    ['100%', '"100%%"'],
    ['%h', '"%%h"'],
    [';', '";"'],
    ['a\nExecStartPre=/bin/evil', '"a\\x0aExecStartPre=/bin/evil"'],
    ['cr\rtab\tdel\u007f', '"cr\\x0dtab\\x09del\\x7f"'],
    ['', '""'],
    ['  padded  ', '"  padded  "'],
    ['ünïcødé 😀', '"ünïcødé 😀"'],
  ])('quotes %j as %s', (input, expected) => {
    expect(quoteExecArgument(input)).toBe(expected);
    expect(decodeQuotedWord(expected)).toBe(input);
  });

  it('refuses NUL and lone surrogates with INVALID_OPTION', () => {
    expect(codeOf(() => quoteExecArgument('a\u0000b'))).toBe('INVALID_OPTION');
    expect(codeOf(() => quoteExecArgument('a\ud800b'))).toBe('INVALID_OPTION');
    expect(codeOf(() => quoteExecArgument('\udfff'))).toBe('INVALID_OPTION');
  });

  // systemd 252 refuses to load a unit with any of these anywhere in a setting (LoadState=error).
  it.each(['\ufdd0', '\ufdef', '\ufffe', '\uffff', '\u{1fffe}', '\u{10ffff}'])(
    'refuses the noncharacter %j that systemd treats as invalid UTF-8',
    (char) => {
      expect(codeOf(() => quoteExecArgument(`a${char}b`))).toBe('INVALID_OPTION');
      expect(codeOf(() => quoteEnvironmentAssignment('A', `a${char}`))).toBe('INVALID_OPTION');
      expect(rawFieldProblem(`a${char}`)).toBe('it is not valid UTF-8 text');
      expect(unitPathProblem(`/srv/a${char}`)).toBe('it is not valid UTF-8 text');
    },
  );

  it.each(['\ufdcf', '\ufdf0', '\ufffd', '\u{10fffd}', '\ue000', '\u0085'])(
    'accepts %j, which systemd loads',
    (char) => {
      expect(decodeQuotedWord(quoteExecArgument(char))).toBe(char);
      expect(rawFieldProblem(`a${char}b`)).toBeNull();
    },
  );

  it('keeps NFC and NFD spellings apart (no normalization)', () => {
    const nfc = 'café'.normalize('NFC');
    const nfd = 'café'.normalize('NFD');
    expect(decodeQuotedWord(quoteExecArgument(nfc))).toBe(nfc);
    expect(decodeQuotedWord(quoteExecArgument(nfd))).toBe(nfd);
    expect(quoteExecArgument(nfc)).not.toBe(quoteExecArgument(nfd));
  });

  it('round-trips or refuses every string, and never emits a raw control character', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, hostileText), (value) => {
        const code = codeOf(() => quoteExecArgument(value));
        if (code) {
          expect(code).toBe('INVALID_OPTION');
          expect(value.includes('\u0000') || notSystemdText(value)).toBe(true);
          return;
        }
        const quoted = quoteExecArgument(value);
        expect(quoted).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(decodeQuotedWord(quoted)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('quoteEnvironmentAssignment', () => {
  it('keeps $ literal, doubles %, escapes quotes, backslashes and control characters', () => {
    const quoted = quoteEnvironmentAssignment('APP_ENV', 'a "b" $HOME %h \\ \n');
    expect(quoted).toBe('"APP_ENV=a \\"b\\" $HOME %%h \\\\ \\x0a"');
    expect(decodeQuotedWord(quoted, { dollar: false })).toBe('APP_ENV=a "b" $HOME %h \\ \n');
  });

  it.each(['', '1ABC', 'A-B', 'A B', 'A=B', 'É', 'A\n', '$A'])('refuses the name %j', (name) => {
    expect(codeOf(() => quoteEnvironmentAssignment(name, 'x'))).toBe('INVALID_OPTION');
  });

  it.each(['_', 'a', 'A_1', '_x9'])('accepts the name %j', (name) => {
    expect(quoteEnvironmentAssignment(name, '')).toBe(`"${name}="`);
  });

  it('refuses NUL and lone surrogates in values', () => {
    expect(codeOf(() => quoteEnvironmentAssignment('A', 'x\u0000'))).toBe('INVALID_OPTION');
    expect(codeOf(() => quoteEnvironmentAssignment('A', 'x\udbff'))).toBe('INVALID_OPTION');
  });

  it('round-trips any accepted value', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, hostileText), (value) => {
        if (codeOf(() => quoteEnvironmentAssignment('V', value))) return;
        const quoted = quoteEnvironmentAssignment('V', value);
        expect(quoted).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(decodeQuotedWord(quoted, { dollar: false })).toBe(`V=${value}`);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('rawFieldProblem / escapeRawField', () => {
  it.each([
    ['', 'it is empty'],
    ['a\u0000b', 'it contains a NUL character'],
    ['a\ud800', 'it is not valid UTF-8 text'],
    ['a\nb', 'it contains a line break'],
    ['a\rb', 'it contains a line break'],
    ['a\tb', 'it contains a control character'],
    ['a\u001bb', 'it contains a control character'],
    ['a\u007fb', 'it contains a control character'],
    [' a', 'it starts or ends with whitespace'],
    ['a ', 'it starts or ends with whitespace'],
    ['a\\', 'it ends with a backslash'],
  ])('refuses %j: %s', (value, problem) => {
    expect(rawFieldProblem(value)).toBe(problem);
    expect(codeOf(() => escapeRawField(value, 'The thing'))).toBe('INVALID_PATH');
  });

  it('says which field and why in the error', () => {
    expect(() => escapeRawField('x\n', 'The site name')).toThrow(
      'The site name cannot be used because it contains a line break.',
    );
  });

  it.each([
    ['My "Q" app', 'My "Q" app'],
    ["it's $HOME ${HOME}", "it's $HOME ${HOME}"],
    ['100% %h %%', '100%% %%h %%%%'],
    ['a\\b', 'a\\b'],
    ['a;b # c', 'a;b # c'],
    ['ünïcødé', 'ünïcødé'],
  ])('escapes %j as %j', (value, escaped) => {
    expect(rawFieldProblem(value)).toBeNull();
    expect(escapeRawField(value, 'x')).toBe(escaped);
  });

  it('never lets a line break, control character or continuation through', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, hostileText), (value) => {
        if (rawFieldProblem(value)) {
          expect(codeOf(() => escapeRawField(value, 'x'))).toBe('INVALID_PATH');
          return;
        }
        const escaped = escapeRawField(value, 'x');
        expect(escaped).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(escaped).not.toMatch(/\\$/);
        expect(escaped).toBe(escaped.trim());
        expect(escaped.replaceAll('%%', '%')).toBe(value);
        expect(escaped.replaceAll('%%', '')).not.toContain('%');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('unitPathProblem / escapeUnitPath', () => {
  const long255 = 'x'.repeat(255);
  it.each([
    ['/srv/my app', null],
    ['/srv/My "Q" app', null],
    ["/srv/it's", null],
    ['/srv/back\\slash', null],
    ['/srv/$HOME/${HOME}', null],
    ['/srv/100%/%h', null],
    ['/srv/a;b', null],
    ['/srv/...', null],
    ['/srv/a..b', null],
    ['/srv/.hidden', null],
    ['/', null],
    ['/srv/app/', null],
    [`/srv/${long255}`, null],
    [`/srv/${'é'.repeat(127)}x`, null],
    ['/srv/a\nb', 'it contains a line break'],
    ['/srv/a\rb', 'it contains a line break'],
    ['/srv/a\tb', 'it contains a control character'],
    ['/srv/a\u0000b', 'it contains a NUL character'],
    ['/srv/a\udc00b', 'it is not valid UTF-8 text'],
    [' /srv/app', 'it starts or ends with whitespace'],
    ['/srv/app ', 'it starts or ends with whitespace'],
    ['/srv/app\\', 'it ends with a backslash'],
    ['srv/app', 'it is not an absolute path'],
    ['./app', 'it is not an absolute path'],
    ['~/app', 'it is not an absolute path'],
    ['/srv/../etc', 'it contains "." or ".." parts'],
    ['/srv/..', 'it contains "." or ".." parts'],
    ['/srv/./app', 'it contains "." or ".." parts'],
    ['/srv//app', 'it contains an empty component ("//")'],
    ['//srv', 'it contains an empty component ("//")'],
    ['/srv/app//', 'it contains an empty component ("//")'],
    [`/srv/${long255}x`, 'a component is over 255 bytes'],
    [`/srv/${'é'.repeat(128)}`, 'a component is over 255 bytes'],
    [`/${'a/'.repeat(2047)}b`, 'it is over 4095 bytes long'],
    ['', 'it is empty'],
  ])('%j → %s', (path, problem) => {
    expect(unitPathProblem(path)).toBe(problem);
    if (problem) {
      expect(codeOf(() => escapeUnitPath(path, 'The site directory'))).toBe('INVALID_PATH');
    } else {
      expect(escapeUnitPath(path, 'The site directory')).toBe(path.replaceAll('%', '%%'));
    }
  });

  it('accepts a path of exactly 4095 bytes', () => {
    const path = `/${'a/'.repeat(2046)}bcd`;
    expect(Buffer.byteLength(path)).toBe(4096);
    expect(unitPathProblem(path)).toBe('it is over 4095 bytes long');
    expect(unitPathProblem(path.slice(0, -1))).toBeNull();
  });

  it('keeps NFC and NFD paths byte-exact (they are different directories on Linux)', () => {
    const nfc = '/srv/café'.normalize('NFC');
    const nfd = '/srv/café'.normalize('NFD');
    expect(escapeUnitPath(nfc, 'x')).toBe(nfc);
    expect(escapeUnitPath(nfd, 'x')).toBe(nfd);
  });

  it('names the value and the problem in the error', () => {
    expect(() => escapeUnitPath('/a/../b', 'The log directory')).toThrow(
      'The log directory "/a/../b" cannot be used because it contains "." or ".." parts.',
    );
  });

  it('accepted paths are absolute, normalized, printable, and unescape to themselves', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, hostileText), (tail) => {
        const path = `/tmp/x/${tail}`;
        if (unitPathProblem(path)) return;
        const escaped = escapeUnitPath(path, 'x');
        expect(escaped.replaceAll('%%', '%')).toBe(path);
        expect(path).not.toMatch(/[\u0000-\u001f\u007f\n\r]/);
        expect(path.split('/').filter((p) => p === '.' || p === '..')).toEqual([]);
        expect(path.slice(0, -1)).not.toContain('//');
        expect(path).not.toMatch(/\\$/);
        expect(path.isWellFormed()).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
