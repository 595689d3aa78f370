import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The window's page: the CSP meta there is what the built index.html carries.
const INDEX_HTML = fileURLToPath(new URL('../../renderer/index.html', import.meta.url));

/** Every CSP the page declares in a meta tag, as directive → sources. */
function metaPolicies(html: string): Array<Map<string, string[]>> {
  const metas = [...html.matchAll(/<meta\b[^>]*>/gis)].map((m) => m[0]);
  return metas
    .filter((tag) => /http-equiv\s*=\s*["']content-security-policy["']/i.test(tag))
    .map((tag) => {
      const content = /content\s*=\s*"([^"]*)"/is.exec(tag)?.[1] ?? '';
      const directives = new Map<string, string[]>();
      for (const part of content.split(';')) {
        const [name, ...sources] = part.trim().split(/\s+/);
        if (name) directives.set(name.toLowerCase(), sources);
      }
      return directives;
    });
}

describe('the window content security policy', () => {
  const html = readFileSync(INDEX_HTML, 'utf8');
  const policies = metaPolicies(html);

  it('is declared once, in the page itself', () => {
    expect(policies).toHaveLength(1);
  });

  it('is exactly the strict policy: nothing by default, own files only, no inline code', () => {
    expect(Object.fromEntries(policies[0]!)).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'object-src': ["'none'"],
    });
  });

  it('allows no inline or evaluated code and no remote origin anywhere', () => {
    const sources = [...policies[0]!.values()].flat();
    for (const forbidden of [
      "'unsafe-inline'",
      "'unsafe-eval'",
      "'unsafe-hashes'",
      "'wasm-unsafe-eval'",
      "'strict-dynamic'",
      '*',
      'http:',
      'https:',
      'blob:',
      'filesystem:',
    ]) {
      expect(sources).not.toContain(forbidden);
    }
    expect(sources.filter((s) => /^https?:\/\/|^'nonce-|^'sha/.test(s))).toEqual([]);
  });

  it('has no inline script or event handler the policy would have to allow', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });
});
