import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServerMarkError } from '../errors/serverMarkError';
import { parseWorkerUnitName, slugify, UNIT_PREFIX, workerUnitNames } from './unitName';

// systemd.unit(5): ASCII letters, digits, ":-_.\" plus one "@" for templates, at most 255 chars.
const VALID_UNIT_NAME = /^[A-Za-z0-9:_.\\-]+@[A-Za-z0-9:_.\\-]*\.service$/;
const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

const siteId = fc.stringMatching(/^[a-z0-9]{8}$/);
const workerName = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/);
const hostilePath = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(
      fc.string({
        unit: fc.constantFrom(...' ."\'\\$%{}h;\n\r\t\u0000éÉ😀日-_/'.split(''), 'e\u0301'),
        maxLength: 20,
      }),
      { maxLength: 6 },
    )
    .map((parts) => `/${parts.join('/')}`),
);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ServerMarkError);
    return (error as ServerMarkError).code;
  }
  return undefined;
}

describe('slugify', () => {
  it.each([
    ['My App', 'my-app'],
    ['my.app', 'my-app'],
    ['Café Crème', 'cafe-creme'],
    ['Café Crème'.normalize('NFD'), 'cafe-creme'],
    ['  --Shop__2024--  ', 'shop-2024'],
    ['日本語', 'site'],
    ['', 'site'],
    ['...', 'site'],
    ['%h ${HOME} $HOME', 'h-home-home'],
    ['a\nb\u0000c', 'a-b-c'],
    ['ﬁle', 'file'],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('cuts long names to 40 characters without a trailing dash', () => {
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(40));
    expect(slugify(`${'a'.repeat(39)}-bbbb`)).toBe('a'.repeat(39));
  });

  it('always gives a non-empty slug of [a-z0-9-] that is deterministic', () => {
    fc.assert(
      fc.property(hostilePath, (text) => {
        const slug = slugify(text);
        expect(slug).toMatch(SLUG);
        expect(slug.length).toBeLessThanOrEqual(40);
        expect(slugify(text)).toBe(slug);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('workerUnitNames', () => {
  const site = { id: 'k3j9x2ab', path: '/home/me/Sites/My Shop' };

  it('builds a template and numbered instances from slug, id and worker', () => {
    expect(workerUnitNames(site, 'default', 3)).toEqual({
      prefix: 'servermark-queue-my-shop_k3j9x2ab_default',
      template: 'servermark-queue-my-shop_k3j9x2ab_default@.service',
      instances: [
        'servermark-queue-my-shop_k3j9x2ab_default@1.service',
        'servermark-queue-my-shop_k3j9x2ab_default@2.service',
        'servermark-queue-my-shop_k3j9x2ab_default@3.service',
      ],
    });
    expect(workerUnitNames(site, 'default', 0).instances).toEqual([]);
  });

  it('never lets /a/my.app, /a/my-app and /a/my/app share a unit, even with the same slug', () => {
    const names = [
      workerUnitNames({ id: 'aaaaaaa1', path: '/a/my.app' }, 'default', 2),
      workerUnitNames({ id: 'aaaaaaa2', path: '/a/my-app' }, 'default', 2),
      workerUnitNames({ id: 'aaaaaaa3', path: '/a/my/app' }, 'default', 2),
    ];
    const all = names.flatMap((n) => [n.template, ...n.instances]);
    expect(new Set(all).size).toBe(all.length);
    // Stopping one site must not match another site's units by prefix either.
    for (const a of names) {
      for (const b of names) {
        if (a !== b) expect(b.instances.some((u) => u.startsWith(`${a.prefix}@`))).toBe(false);
      }
    }
  });

  it('gives the same path different units under different ids', () => {
    const one = workerUnitNames({ id: 'aaaaaaaa', path: '/srv/app' }, 'default', 1);
    const two = workerUnitNames({ id: 'bbbbbbbb', path: '/srv/app' }, 'default', 1);
    expect(one.template).not.toBe(two.template);
  });

  it.each(['', 'ABCDEFGH', 'abc', 'abcdefghi', 'abcd_fgh', 'abcd-fgh', 'ab/defgh'])(
    'refuses the site id %j',
    (id) => {
      expect(codeOf(() => workerUnitNames({ id, path: '/a' }, 'default', 1))).toBe('INTERNAL');
    },
  );

  it.each(['', 'Default', 'a_b', '-a', 'a-', 'a.b', 'a@b', 'a b', 'x'.repeat(33), 'é'])(
    'refuses the worker name %j',
    (name) => {
      expect(codeOf(() => workerUnitNames(site, name, 1))).toBe('INVALID_NAME');
    },
  );

  it('stays within 255 characters at the longest slug, worker name and process number', () => {
    const names = workerUnitNames(
      { id: 'zzzzzzzz', path: `/${'long-name-'.repeat(30)}` },
      'w'.repeat(32),
      1000,
    );
    for (const unit of [names.template, ...names.instances]) {
      expect(unit).toMatch(VALID_UNIT_NAME);
      expect(unit.length).toBeLessThanOrEqual(255);
    }
  });

  it('only uses allowed characters, is deterministic, unique per (id, worker) and parses back', () => {
    fc.assert(
      fc.property(
        hostilePath,
        siteId,
        siteId,
        workerName,
        fc.integer({ min: 1, max: 20 }),
        (path, id, otherId, worker, processes) => {
          const names = workerUnitNames({ id, path }, worker, processes);
          expect(workerUnitNames({ id, path }, worker, processes)).toEqual(names);
          expect(names.instances).toHaveLength(processes);
          for (const unit of [names.template, ...names.instances]) {
            expect(unit).toMatch(VALID_UNIT_NAME);
            expect(unit.length).toBeLessThanOrEqual(255);
            expect(unit.startsWith(UNIT_PREFIX)).toBe(true);
          }
          expect(parseWorkerUnitName(names.template)).toEqual({
            siteId: id,
            worker,
            instance: null,
          });
          names.instances.forEach((unit, index) => {
            expect(parseWorkerUnitName(unit)).toEqual({
              siteId: id,
              worker,
              instance: String(index + 1),
            });
          });
          if (otherId !== id) {
            const other = workerUnitNames({ id: otherId, path }, worker, processes);
            expect(other.template).not.toBe(names.template);
            expect(other.instances.some((u) => names.instances.includes(u))).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parseWorkerUnitName', () => {
  it.each([
    'foo.service',
    'servermark-queue-app_k3j9x2ab_default.service',
    'servermark-queue-app_k3j9x2a_default@1.service',
    'servermark-queue-app_K3J9X2AB_default@1.service',
    'servermark-queue-app_k3j9x2ab_@1.service',
    'servermark-queue-app_k3j9x2ab_default@1.socket',
    'servermark-queue-app_k3j9x2ab_default@1.service.d',
    'servermark-queue-My App_k3j9x2ab_default@1.service',
    'other-servermark-queue-app_k3j9x2ab_default@1.service',
    '',
  ])('ignores %j', (unit) => {
    expect(parseWorkerUnitName(unit)).toBeNull();
  });

  it('reads template and instance names', () => {
    expect(parseWorkerUnitName('servermark-queue-app_k3j9x2ab_high-prio@.service')).toEqual({
      siteId: 'k3j9x2ab',
      worker: 'high-prio',
      instance: null,
    });
    expect(parseWorkerUnitName('servermark-queue-a-b-c_k3j9x2ab_default@12.service')).toEqual({
      siteId: 'k3j9x2ab',
      worker: 'default',
      instance: '12',
    });
  });
});
