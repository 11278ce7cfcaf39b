// One PostgreSQL server for the whole run: DATABASE_URL's server when set, otherwise an embedded
// cluster in .data/pg-test. Each test file then creates and migrates its own database on it.
import { freePort, startEmbedded, waitForDatabase } from '../../../scripts/lib/postgres.mjs';

export default async function globalSetup() {
  if (process.env.ATTUNE_TEST_SERVER_URL) return;
  if (process.env.DATABASE_URL) {
    await waitForDatabase(process.env.DATABASE_URL);
    process.env.ATTUNE_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const embedded = await startEmbedded({ name: 'pg-test', port: await freePort() });
  process.env.ATTUNE_TEST_SERVER_URL = embedded.serverUrl;
  globalThis.__attuneEmbedded = embedded;
}
