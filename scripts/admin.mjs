// `npm run admin -- create-user --email E [--password P] [--admin]`: runs the API's CLI against
// DATABASE_URL or the embedded PostgreSQL (reusing a running `npm start` when there is one).
import { runCli } from './lib/cli.mjs';

process.exit(await runCli(process.argv.slice(2)));
