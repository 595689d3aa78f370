import { describe, expect, it } from 'vitest';
import { uniqueSiteName, validateSiteName } from './siteName';

describe('validateSiteName', () => {
  it.each([
    'Shop',
    'My "Q" app $HOME %h',
    "it's ünïcødé 😀",
    'a\\b',
    'x'.repeat(100),
    '😀'.repeat(100),
  ])('accepts %j unchanged', (name) => {
    expect(validateSiteName(name)).toBe(name);
  });

  it.each([
    ['', 'empty'],
    ['a\nExecStart=/bin/sh', 'line break'],
    ['a\rb', 'line break'],
    ['a\tb', 'control character'],
    ['a\u0000', 'NUL'],
    ['a\ud800', 'UTF-8'],
    [' Shop', 'whitespace'],
    ['Shop ', 'whitespace'],
    ['Shop\\', 'backslash'],
    ['x'.repeat(101), 'over 100 characters'],
  ])('refuses %j (%s) with INVALID_NAME', (name, why) => {
    expect(() => validateSiteName(name)).toThrow(expect.objectContaining({ code: 'INVALID_NAME' }));
    expect(() => validateSiteName(name)).toThrow(why);
  });
});

describe('uniqueSiteName', () => {
  it('keeps a free name and numbers a taken one, ignoring case', () => {
    expect(uniqueSiteName('shop', [])).toBe('shop');
    expect(uniqueSiteName('shop', ['blog'])).toBe('shop');
    expect(uniqueSiteName('shop', ['Shop'])).toBe('shop (2)');
    expect(uniqueSiteName('Shop', ['shop', 'SHOP (2)', 'shop (4)'])).toBe('Shop (3)');
  });
});
