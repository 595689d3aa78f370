<?php

namespace App\Console\Commands;

use App\Jobs\FixtureJob;
use Illuminate\Console\Command;

// Lets tests put a real job on the real database queue.
class FixtureDispatch extends Command
{
    protected $signature = 'fixture:dispatch {id} {--queue=default} {--fail} {--sleep=0}';

    protected $description = 'Dispatch App\Jobs\FixtureJob with the given id';

    public function handle(): int
    {
        $id = (string) $this->argument('id');
        if (preg_match('/^[A-Za-z0-9_-]{1,100}$/', $id) !== 1) {
            $this->error('id must match [A-Za-z0-9_-]{1,100}');

            return 2;
        }

        FixtureJob::dispatch($id, (bool) $this->option('fail'), (int) $this->option('sleep'))
            ->onQueue((string) $this->option('queue'));

        $this->line($id);

        return 0;
    }
}
