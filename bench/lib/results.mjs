import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/lib/postgres.mjs';

function gitSha() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Writes bench/results/<name>.json and prints the one-line summary. */
export function writeResult(name, result, summaryLine, environment) {
  const record = {
    name,
    ...result,
    gitSha: gitSha(),
    node: process.version,
    postgres: environment.postgres,
    date: new Date().toISOString(),
  };
  const dir = join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`${name}: ${summaryLine}\n`);
}
