// `npm run verify-allocation -- <study-id>`: regenerates a closed study's allocation sequence from
// its revealed seed and compares it with the stored allocations. Exit 0 only when they match.
import { runCli } from './lib/cli.mjs';

process.exit(await runCli(['verify-allocation', ...process.argv.slice(2)]));
