<?php

// File cache so `php artisan queue:restart` can leave its timestamp for running workers.
return [
    'default' => 'file',

    'stores' => [
        'file' => [
            'driver' => 'file',
            'path' => storage_path('framework/cache/data'),
        ],
    ],

    'prefix' => 'servermark_fixture_cache',
];
