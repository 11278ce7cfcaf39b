// `npm run bench -- <name>`: runs one benchmark; each writes bench/results/<name>.json.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.replace('.bench.mjs', ''));
const name = process.argv[2];
if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <${available.join('|')}>\n`);
  process.exit(2);
}
const { run } = await import(`./${name}.bench.mjs`);
try {
  await run(process.argv.slice(3));
  process.exit(0);
} catch (error) {
  process.stderr.write(`bench ${name}: ${error.stack ?? error}\n`);
  process.exit(1);
}
