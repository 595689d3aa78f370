<?php

// Debian's php-laravel-framework stands in for Composer's vendor tree.
require_once '/usr/share/php/Illuminate/autoload.php';

// PSR-4 for App\ => app/, as composer.json declares it.
spl_autoload_register(function (string $class): void {
    if (strncmp($class, 'App\\', 4) !== 0) {
        return;
    }
    $file = dirname(__DIR__).'/app/'.str_replace('\\', '/', substr($class, 4)).'.php';
    if (is_file($file)) {
        require $file;
    }
});
