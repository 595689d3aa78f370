// Child process of the memory benchmark: a fresh core with N sites in its registry, holding the
// result of its last status() reads; prints its heap after a full GC. Needs --expose-gc.
import { createServerMark } from '../core/serverMark';
import { benchSiteRecords } from './benchSiteRecords';

const count = Number(process.argv[2]);
const gc = (globalThis as { gc?: () => void }).gc;
if (!Number.isInteger(count) || count < 1 || !gc) {
  throw new Error('Usage: node --expose-gc --import tsx coreMemoryProbe.ts SITES');
}
const core = createServerMark({ env: process.env });
await core.registry.update((file) => void (file.sites = benchSiteRecords(count)));
const kept = [];
for (let i = 0; i < 3; i++) kept.push(await core.status());
gc();
gc();
const heapUsed = process.memoryUsage().heapUsed;
const running = kept.at(-1)!.filter((s) => s.state === 'running').length;
process.stdout.write(`${JSON.stringify({ sites: count, running, heapUsed })}\n`);
core.close();
