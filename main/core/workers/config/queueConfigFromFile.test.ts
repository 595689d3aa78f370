import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { queueConfigFromFile, queueConfigFromText } from './queueConfigFromFile';
import { parseConfigFile, PhpArray, UNKNOWN } from './phpConfigLiteral';

const FIXTURE = fileURLToPath(new URL('../../../testing/laravel-fixture/', import.meta.url));

// The config/queue.php Laravel 10 and 11 ship, trimmed: env() everywhere, comments, trailing commas.
const LARAVEL_DEFAULT = `<?php

return [

    /*
    |--------------------------------------------------------------------------
    | Default Queue Connection Name
    |--------------------------------------------------------------------------
    */

    'default' => env('QUEUE_CONNECTION', 'database'),

    'connections' => [

        'sync' => [
            'driver' => 'sync',
        ],

        'database' => [
            'driver' => 'database',
            'connection' => env('DB_QUEUE_CONNECTION'),
            'table' => env('DB_QUEUE_TABLE', 'jobs'),
            'queue' => env('DB_QUEUE', 'default'),
            'retry_after' => (int) env('DB_QUEUE_RETRY_AFTER', 90),
            'after_commit' => false,
        ],

        'sqs' => [
            'driver' => 'sqs',
            'key' => env('AWS_ACCESS_KEY_ID'),
            'prefix' => env('SQS_PREFIX', 'https://sqs.us-east-1.amazonaws.com/your-account-id'),
            'queue' => env('SQS_QUEUE', 'default'),
            'suffix' => env('SQS_SUFFIX'),
            'region' => env('AWS_DEFAULT_REGION', 'us-east-1'),
            'after_commit' => false,
        ],

        'redis' => [
            'driver' => 'redis', // phpredis or predis
            'connection' => env('REDIS_QUEUE_CONNECTION', 'default'),
            'queue' => env('REDIS_QUEUE', 'default'),
            'retry_after' => (int) env('REDIS_QUEUE_RETRY_AFTER', 90),
            'block_for' => null,
            'after_commit' => false,
        ],

    ],

    'failed' => [
        'driver' => env('QUEUE_FAILED_DRIVER', 'database-uuids'),
        'database' => env('DB_CONNECTION', 'sqlite'),
        'table' => 'failed_jobs',
    ],

];
`;

describe('reading config/queue.php without running PHP', () => {
  it("reads the test fixture's database connection and its retry_after of 90", async () => {
    expect(await queueConfigFromFile(FIXTURE)).toEqual({
      source: 'file',
      defaultConnection: 'database',
      connections: [{ name: 'database', driver: 'database', retryAfter: 90, queue: 'default' }],
      problem: null,
    });
  });

  it("reads Laravel's default file, resolving env() from .env and falling back to defaults", () => {
    const dotEnv =
      'APP_NAME="My app"\nQUEUE_CONNECTION=redis\nREDIS_QUEUE_RETRY_AFTER=300 # long jobs\n';
    const config = queueConfigFromText(LARAVEL_DEFAULT, dotEnv);
    expect(config.defaultConnection).toBe('redis');
    expect(config.connections).toEqual([
      { name: 'sync', driver: 'sync', retryAfter: null, queue: null },
      { name: 'database', driver: 'database', retryAfter: 90, queue: 'default' },
      { name: 'sqs', driver: 'sqs', retryAfter: null, queue: 'default' },
      { name: 'redis', driver: 'redis', retryAfter: 300, queue: 'default' },
    ]);
    expect(queueConfigFromText(LARAVEL_DEFAULT, null).defaultConnection).toBe('database');
  });

  it('reads the old array() syntax and double-quoted strings', () => {
    const config = queueConfigFromText(
      `<?php return array("default" => "beanstalkd", "connections" => array("beanstalkd" => array("driver" => "beanstalkd", "retry_after" => 120)));`,
      null,
    );
    expect(config.defaultConnection).toBe('beanstalkd');
    expect(config.connections[0]).toMatchObject({ name: 'beanstalkd', retryAfter: 120 });
  });

  it('marks computed values unknown instead of guessing them', () => {
    const config = queueConfigFromText(
      `<?php
      $base = 60;
      return [
        'default' => getenv('Q') ?: 'database',
        'connections' => [
          'database' => ['driver' => 'database', 'retry_after' => $base * 2, 'queue' => "q-{$x}"],
          'redis' => ['driver' => 'redis', 'retry_after' => 90 + 1],
        ],
      ];`,
      null,
    );
    expect(config.defaultConnection).toBeNull();
    expect(config.connections).toEqual([
      { name: 'database', driver: 'database', retryAfter: null, queue: null },
      { name: 'redis', driver: 'redis', retryAfter: null, queue: null },
    ]);
  });

  it('refuses a file whose connections only PHP can compute, rather than report none', () => {
    expect(() =>
      queueConfigFromText(`<?php return ['connections' => require __DIR__.'/x.php'];`, null),
    ).toThrow(/only PHP can run/);
  });

  it('throws (never hangs or guesses) on hostile or broken text', () => {
    const broken = [
      '',
      '<?php',
      '<?php return [',
      "<?php return ['a' => 'unterminated",
      '<?php return [1, 2; ];',
      '<?php return [)];',
      '<?php /* never closed',
      '<?php return "not an array";',
      '[[[[[[[[[[',
    ];
    for (const source of broken) {
      expect(() => queueConfigFromText(source, null), JSON.stringify(source)).toThrow();
    }
  });

  it('keeps escapes and comments inside strings as text', () => {
    const value = parseConfigFile(`<?php return ['a\\'b' => 'x // not a comment', 'c' => '#'];`);
    expect(value).toBeInstanceOf(PhpArray);
    const array = value as PhpArray;
    expect(array.get("a'b")).toBe('x // not a comment');
    expect(array.get('c')).toBe('#');
    expect(parseConfigFile(`<?php return "$x";`)).toBe(UNKNOWN);
  });

  it('reads the fixture file the same way its app does', async () => {
    const source = await readFile(`${FIXTURE}config/queue.php`, 'utf8');
    expect(queueConfigFromText(source, null).connections[0]?.retryAfter).toBe(90);
  });
});
