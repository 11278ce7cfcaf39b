// Builds libs/analysis twice with tsc, as libs/survey is built: CommonJS for Node/the API
// (dist/cjs) and ES modules with declarations for bundlers (dist/esm).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const lib = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(lib, '..', '..', 'node_modules', '.bin', 'tsc');
const dist = join(lib, 'dist');

rmSync(dist, { recursive: true, force: true });
for (const config of ['tsconfig.cjs.json', 'tsconfig.esm.json']) {
  execFileSync(tsc, ['-p', config], { cwd: lib, stdio: 'inherit' });
}

// Sources import each other without extensions so one tree serves both builds; Node's ESM loader
// and `moduleResolution: nodenext` consumers need them, so the ESM output gets them added.
const relative = /(\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+?)\2/g;
function addExtensions(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) addExtensions(path);
    else if (/\.(js|d\.ts)$/.test(entry.name)) {
      const code = readFileSync(path, 'utf8');
      const fixed = code.replace(relative, (_, head, quote, spec) => `${head}${quote}${/\.(m?js|json)$/.test(spec) ? spec : `${spec}.js`}${quote}`);
      if (fixed !== code) writeFileSync(path, fixed);
    }
  }
}
addExtensions(join(dist, 'esm'));

// dist/*/package.json tell Node (and TypeScript) which module format each tree holds.
for (const [dir, type] of [['esm', 'module'], ['cjs', 'commonjs']]) {
  mkdirSync(join(dist, dir), { recursive: true });
  writeFileSync(join(dist, dir, 'package.json'), `${JSON.stringify({ type, sideEffects: false })}\n`);
}
console.log('analysis build: dist/cjs and dist/esm written');
