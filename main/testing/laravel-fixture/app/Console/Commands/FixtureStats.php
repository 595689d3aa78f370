<?php

namespace App\Console\Commands;

use Illuminate\Console\Command;
use Illuminate\Support\Facades\DB;

// Prints queue counts as JSON so tests read them through Laravel, not a second sqlite client.
class FixtureStats extends Command
{
    protected $signature = 'fixture:stats';

    protected $description = 'Print pending jobs per queue and the failed job count as JSON';

    public function handle(): int
    {
        $pending = DB::table('jobs')->select('queue', DB::raw('count(*) as n'))->groupBy('queue')->pluck('n', 'queue');

        $this->line(json_encode([
            'pending' => (object) $pending->map(fn ($n) => (int) $n)->all(),
            'failed' => DB::table('failed_jobs')->count(),
        ]));

        return 0;
    }
}
