// `npm start`: build, start PostgreSQL (DATABASE_URL or embedded), migrate, seed, run the API and
// the web app, print where to go. Ctrl-C stops everything, the embedded PostgreSQL included.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll } from './lib/build.mjs';
import { startPlatform, seed } from './lib/platform.mjs';
import { dataRoot, resolveAppDatabase } from './lib/postgres.mjs';
import { stopAll } from './lib/processes.mjs';

const apiPort = Number(process.env.API_PORT || 3001);
const webPort = Number(process.env.WEB_PORT || process.env.PORT || 3000);
const credentialsFile = join(dataRoot, 'admin-credentials');
let database;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nattune: stopping…\n');
  await stopAll();
  await database?.stop();
  process.exit(code);
}

function banner({ apiUrl, webUrl }, seeded) {
  const lines = [
    '',
    'Attune is running.',
    `  web app   ${webUrl}`,
    `  API       ${webUrl}/api  (direct: ${apiUrl}/api)`,
    `  API docs  ${webUrl}/api/docs`,
    `  database  ${database.embedded ? `embedded PostgreSQL (${join(dataRoot, 'pg')})` : 'DATABASE_URL'}`,
  ];
  const admin = seeded.admin;
  if (admin?.password)
    lines.push(
      '',
      `Log in at ${webUrl}/login as ${admin.email} with password ${admin.password}`,
      `(shown once; also saved to ${credentialsFile}, mode 600)`,
    );
  else if (admin) lines.push('', `Log in at ${webUrl}/login as ${admin.email} with ATTUNE_ADMIN_PASSWORD.`);
  else if (existsSync(credentialsFile)) lines.push('', `Log in at ${webUrl}/login with the account in ${credentialsFile}.`);
  else lines.push('', `Log in at ${webUrl}/login with your account (create one: npm run admin -- create-user --email you@example.org).`);
  if (seeded.demo) {
    lines.push(
      '',
      `Demo study "${seeded.demo.title}" has a new lab session (code ${seeded.demo.sessionCode}).`,
      'Open each seat link in its own phone-sized window (or a private window):',
    );
    for (const link of seeded.demo.seatLinks ?? []) lines.push(`  ${webUrl}${link}`);
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n'));
}

async function main() {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // The database first: a bad DATABASE_URL should fail in seconds, not after a build.
  database = await resolveAppDatabase();
  if (process.env.ATTUNE_SKIP_BUILD !== '1') await buildAll();
  const seeded = await seed(database.url, {}, credentialsFile, database.runtimeUrl);
  const platform = await startPlatform({
    databaseUrl: database.runtimeUrl ?? database.url,
    apiPort,
    webPort,
    onCrash: (name, code) => {
      process.stderr.write(`attune: ${name} stopped unexpectedly (exit ${code})\n`);
      void shutdown(1);
    },
  });
  banner(platform, seeded);
}

main().catch(async (error) => {
  process.stderr.write(`attune: ${error.message}\n`);
  await shutdown(1);
});
