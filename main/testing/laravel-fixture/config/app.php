<?php

// Fixed values instead of env(): the fixture must behave the same whatever the test's environment holds.
return [
    'name' => 'ServerMark Fixture',
    'env' => 'local',
    'debug' => false,
    'url' => 'http://localhost',
    'timezone' => 'UTC',
    'locale' => 'en',
    'fallback_locale' => 'en',
    'key' => 'base64:c2VydmVybWFyay1maXh0dXJlLWtleS0zMi1ieXRlcyE=',
    'cipher' => 'AES-256-CBC',

    'providers' => [
        Illuminate\Bus\BusServiceProvider::class,
        Illuminate\Cache\CacheServiceProvider::class,
        Illuminate\Foundation\Providers\ConsoleSupportServiceProvider::class,
        Illuminate\Database\DatabaseServiceProvider::class,
        Illuminate\Encryption\EncryptionServiceProvider::class,
        Illuminate\Filesystem\FilesystemServiceProvider::class,
        Illuminate\Queue\QueueServiceProvider::class,
    ],

    'aliases' => [
        'DB' => Illuminate\Support\Facades\DB::class,
        'Queue' => Illuminate\Support\Facades\Queue::class,
        'Schema' => Illuminate\Support\Facades\Schema::class,
    ],
];
