// Locks the hash of every shipped instrument version in instrument-hashes.json, which the test
// suite (src/instrument-hashes.spec.ts) compares with the registry: a shipped version never
// changes, because frozen protocols reference it by hash.
//
// Usage (after `npm run build`, from libs/survey):
//   node scripts/instrument-hashes.mjs           print the lock file the registry implies; exit 1
//                                                if it differs from the committed one
//   node scripts/instrument-hashes.mjs --write   add the versions the file lacks. An existing entry
//                                                whose hash changed is never overwritten: the
//                                                script stops with an error instead.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const lib = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(lib, 'instrument-hashes.json');
const { instrumentHash, listInstruments } = await import(pathToFileURL(join(lib, 'dist', 'esm', 'index.js')).href);

const locked = existsSync(lockFile) ? JSON.parse(readFileSync(lockFile, 'utf8')) : {};
const current = Object.fromEntries(
  listInstruments().map((instrument) => [`${instrument.id}@${instrument.version}`, instrumentHash(instrument)]),
);

const changed = Object.keys(current).filter((key) => key in locked && locked[key] !== current[key]);
for (const key of changed) {
  const [id, version] = key.split('@');
  console.error(`instrument ${id} v${version} changed: shipped versions are immutable, add a new version`);
}
if (changed.length > 0) process.exit(1);

// Locked entries stay first, in their order; new versions follow in registry order.
const merged = { ...locked, ...current };
const text = `${JSON.stringify(merged, null, 2)}\n`;
if (process.argv.includes('--write')) {
  writeFileSync(lockFile, text);
  console.log(`${lockFile}: ${Object.keys(merged).length} instrument versions`);
} else {
  process.stdout.write(text);
  const upToDate = existsSync(lockFile) && readFileSync(lockFile, 'utf8') === text;
  if (!upToDate) {
    console.error('instrument-hashes.json is not up to date: run with --write');
    process.exit(1);
  }
}
