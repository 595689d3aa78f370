import { describe, expect, it } from 'vitest';
import { allowedExternalUrl, isAllowedExternalUrl } from './externalUrls';

describe('external URLs the window may open', () => {
  it.each([
    'https://laravel.com/docs/8.x/queues',
    'https://laravel.com/docs/11.x/queues#supervisor-configuration',
    'https://www.freedesktop.org/software/systemd/man/systemd.service.html',
    'HTTPS://LARAVEL.COM/docs/queues',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    // Other schemes: script, local files, inline data, plain http, custom handlers.
    'javascript:alert(1)//https://laravel.com/docs/',
    'JaVaScRiPt:fetch("https://laravel.com/docs/")',
    'file:///etc/passwd',
    'file://laravel.com/docs/',
    'data:text/html,<script>alert(1)</script>',
    'http://laravel.com/docs/8.x/queues',
    'ftp://laravel.com/docs/',
    'vscode://file/etc/passwd',
    'about:blank',
    'blob:https://laravel.com/docs/x',
    // Lookalike hosts.
    'https://laravel.com.evil.example/docs/',
    'https://evil-laravel.com/docs/',
    'https://laravel.co/docs/',
    'https://laravel.com./docs/',
    'https://xn--laravl-3ve.com/docs/',
    'https://laravеl.com/docs/', // Cyrillic е
    'https://docs.laravel.com/docs/',
    'https://freedesktop.org/software/systemd/man/',
    // Userinfo tricks: the host is what follows the @.
    'https://laravel.com@evil.example/docs/',
    'https://laravel.com:x@evil.example/docs/',
    'https://user:pass@laravel.com/docs/',
    'https://laravel.com\\@evil.example/docs/',
    // Ports, and paths that leave the prefix once resolved or decoded by the parser.
    'https://laravel.com:8443/docs/',
    'https://laravel.com/docs/../admin',
    'https://laravel.com/docs/%2e%2e/admin',
    'https://laravel.com/docs/.%2E/.%2e/admin',
    'https://laravel.com/documents/',
    'https://laravel.com/',
    'https://laravel.com',
    // Not URLs at all.
    '',
    'laravel.com/docs/',
    '//laravel.com/docs/',
    '/docs/',
    `https://laravel.com/docs/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
    expect(allowedExternalUrl(url)).toBeNull();
  });

  it('hands the browser the normalized URL, so it opens exactly what was checked', () => {
    // The parser drops tabs and newlines and resolves dot segments inside the prefix.
    expect(allowedExternalUrl(' https://lara\tvel.com/docs/8.x/./queues\n')).toBe(
      'https://laravel.com/docs/8.x/queues',
    );
    expect(allowedExternalUrl('https://laravel.com/docs/x/../queues')).toBe(
      'https://laravel.com/docs/queues',
    );
  });

  it('refuses values that are not strings, whatever the page sends', () => {
    for (const value of [null, undefined, 42, {}, ['https://laravel.com/docs/']]) {
      expect(allowedExternalUrl(value as unknown as string)).toBeNull();
    }
  });
});
