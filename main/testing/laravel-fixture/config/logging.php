<?php

use Monolog\Handler\NullHandler;

return [
    'default' => 'single',

    // PHP 8.2 deprecations from the framework would otherwise flood the log.
    'deprecations' => 'null',

    'channels' => [
        'single' => [
            'driver' => 'single',
            'path' => storage_path('logs/laravel.log'),
            'level' => 'debug',
        ],
        'null' => [
            'driver' => 'monolog',
            'handler' => NullHandler::class,
        ],
    ],
];
