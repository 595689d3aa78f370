<?php

namespace App\Jobs;

use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;
use Illuminate\Queue\SerializesModels;
use RuntimeException;

// Records that it ran in storage/processed/<id> (one line per attempt), then optionally fails.
class FixtureJob implements ShouldQueue
{
    use Dispatchable, InteractsWithQueue, Queueable, SerializesModels;

    public function __construct(
        public string $fixtureId,
        public bool $shouldFail = false,
        public int $sleepSeconds = 0,
    ) {
    }

    public function handle(): void
    {
        if ($this->sleepSeconds > 0) {
            sleep($this->sleepSeconds);
        }

        $line = sprintf("pid=%d attempt=%d queue=%s\n", getmypid(), $this->attempts(), $this->job?->getQueue() ?? '');
        file_put_contents(storage_path('processed/'.$this->fixtureId), $line, FILE_APPEND | LOCK_EX);

        if ($this->shouldFail) {
            throw new RuntimeException("FixtureJob {$this->fixtureId} failed on purpose");
        }
    }
}
