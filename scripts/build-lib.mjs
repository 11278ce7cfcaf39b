// Builds a pure library (libs/survey, libs/analysis) twice with tsc: CommonJS for Node/the API
// (dist/cjs) and ES modules with declarations for bundlers/the dashboard (dist/esm). Run from the
// library's folder (its `npm run build`).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lib = process.cwd();
if (!existsSync(join(lib, 'tsconfig.esm.json'))) {
  console.error(`build-lib: run from a library folder with tsconfig.esm.json (cwd is ${lib})`);
  process.exit(1);
}
const tsc = join(root, 'node_modules', '.bin', 'tsc');
const dist = join(lib, 'dist');

rmSync(dist, { recursive: true, force: true });
for (const config of ['tsconfig.cjs.json', 'tsconfig.esm.json']) {
  execFileSync(tsc, ['-p', config], { cwd: lib, stdio: 'inherit' });
}

// Sources import each other without extensions so one tree serves both builds. Node's ESM loader
// and `moduleResolution: nodenext` consumers need the extension, so it is added to the ESM output
// (code and declarations); a bundler accepts either form.
const relative = /(\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+?)\2/g;
function addExtensions(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) addExtensions(path);
    else if (/\.(js|d\.ts)$/.test(entry.name)) {
      const code = readFileSync(path, 'utf8');
      const fixed = code.replace(
        relative,
        (_, head, quote, spec) => `${head}${quote}${/\.(m?js|json)$/.test(spec) ? spec : `${spec}.js`}${quote}`,
      );
      if (fixed !== code) writeFileSync(path, fixed);
    }
  }
}
addExtensions(join(dist, 'esm'));

// tsc emits nothing for a declaration file in src (libs/api-client's generated schema.d.ts), yet the
// emitted declarations import it: copied beside them.
for (const entry of readdirSync(join(lib, 'src'))) {
  if (entry.endsWith('.d.ts')) copyFileSync(join(lib, 'src', entry), join(dist, 'esm', entry));
}

// dist/*/package.json tell Node (and TypeScript) which module format each tree holds.
for (const [dir, type] of [
  ['esm', 'module'],
  ['cjs', 'commonjs'],
]) {
  mkdirSync(join(dist, dir), { recursive: true });
  // sideEffects repeats the package's own flag: bundlers read the nearest package.json, and without
  // it every shipped instrument would ride along with a page that imports only the rulebook.
  writeFileSync(join(dist, dir, 'package.json'), `${JSON.stringify({ type, sideEffects: false })}\n`);
}
console.log(`build-lib: ${lib.split('/').slice(-2).join('/')} dist/cjs and dist/esm written`);
