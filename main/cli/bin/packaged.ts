// Entry of the bundled CLI (dist/cli/servermark.mjs) that the Linux packages ship: no tsx,
// no node_modules, only the system's node.
import { runCli } from '../servermark';

// exitCode, not exit(): let piped stdout drain first.
process.exitCode = await runCli();
