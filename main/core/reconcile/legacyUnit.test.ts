import { describe, expect, it } from 'vitest';
import { isLegacyUnitName, parseLegacyUnit } from './legacyUnit';

// The exact text the original ServerMark wrote (docs: seed-system.md).
function originalUnit(
  path: string,
  php = '/usr/bin/php8.2',
  args = '--sleep=3 --tries=3 --max-time=3600',
) {
  return [
    '[Unit]',
    `Description=Laravel Queue Worker - shop`,
    'After=network.target',
    '',
    '[Service]',
    `ExecStart=${php} ${path}/artisan queue:work ${args}`,
    `WorkingDirectory=${path}`,
    'Restart=always',
    'RestartSec=5',
    'StandardOutput=null',
    'StandardError=journal',
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}

describe('legacy units of the original ServerMark', () => {
  it('are told apart from ours by name', () => {
    expect(isLegacyUnitName('servermark-queue-home-me-shop.service')).toBe(true);
    expect(isLegacyUnitName('servermark-queue-home-me-my app-ü.service')).toBe(true);
    expect(isLegacyUnitName('servermark-queue-home-me-a@b.service')).toBe(true);
    expect(isLegacyUnitName('servermark-queue-shop_k3j9x2ab_default@.service')).toBe(false);
    expect(isLegacyUnitName('servermark-queue-shop_k3j9x2ab_default@1.service')).toBe(false);
    expect(isLegacyUnitName('other.service')).toBe(false);
    expect(isLegacyUnitName('servermark-queue-x.timer')).toBe(false);
  });

  it('read back what the original ran, with its options', () => {
    expect(parseLegacyUnit(originalUnit('/home/me/shop'))).toEqual({
      workingDirectory: '/home/me/shop',
      php: '/usr/bin/php8.2',
      artisanDirectory: '/home/me/shop',
      options: { sleep: 3, tries: 3, maxTime: 3600 },
      ignored: [],
    });
  });

  it('keep a raw path with spaces, quotes, $ and % whole', () => {
    const path = '/tmp/x/My "Q" app $HOME ${HOME} %h ünïcødé';
    const parsed = parseLegacyUnit(originalUnit(path));
    expect(parsed?.workingDirectory).toBe(path);
    expect(parsed?.artisanDirectory).toBe(path);
    expect(parsed?.php).toBe('/usr/bin/php8.2');
  });

  it('carry over every queue:work option we know, and name the rest', () => {
    const parsed = parseLegacyUnit(
      originalUnit(
        '/srv/app',
        '/usr/bin/php8.1',
        'redis --queue=high,low --sleep=1 --tries=5 --timeout=90 --memory=256 --backoff=2 --rest=1 --max-jobs=100 --max-time=60 --force --once --sleep=abc',
      ),
    );
    expect(parsed?.options).toEqual({
      connection: 'redis',
      queues: ['high', 'low'],
      sleep: 1,
      tries: 5,
      timeout: 90,
      memory: 256,
      backoff: 2,
      rest: 1,
      maxJobs: 100,
      maxTime: 60,
      force: true,
    });
    expect(parsed?.ignored).toEqual(['--once', '--sleep=abc']);
  });

  it('read a unit someone fixed by hand with quotes', () => {
    const text = originalUnit('/srv/a').replace(
      /^ExecStart=.*$/m,
      'ExecStart="/usr/bin/php" "/srv/my \\"app\\"/artisan" "queue:work" "--tries=1"',
    );
    expect(parseLegacyUnit(text)).toMatchObject({
      php: '/usr/bin/php',
      artisanDirectory: '/srv/my "app"',
      options: { tries: 1 },
    });
  });

  it('are not anything else that happens to share the prefix', () => {
    expect(parseLegacyUnit('[Service]\nExecStart=/usr/bin/sleep 10\n')).toBeNull();
    expect(parseLegacyUnit('garbage')).toBeNull();
  });
});
