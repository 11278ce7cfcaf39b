// Measures what a page ships when it imports parts of @attune/survey: the ESM modules a bundler
// keeps (package.json has sideEffects: false, so it follows only the imports it needs), each
// minified with @swc/core, concatenated and gzipped at level 9. Whole modules are counted, so
// this is an upper bound: a bundler can still drop unused functions inside a kept module.
// Usage (after `npm run build`): node scripts/size.mjs
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const lib = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const esm = join(lib, 'dist', 'esm');
const { minifySync } = createRequire(join(lib, '..', '..', 'package.json'))('@swc/core');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g;

function resolveSpecifier(specifier, from) {
  if (specifier.startsWith('.')) return resolve(dirname(from), specifier);
  // Node resolves @noble/hashes/crypto with its "node" condition (a node:crypto shim); a browser
  // bundler takes the "import" file instead, which only reads globalThis.crypto.
  const file = fileURLToPath(import.meta.resolve(specifier));
  return file.replace(/cryptoNode\.js$/, 'crypto.js');
}

/** Files reachable from the entry modules through runtime imports. */
function closure(entries) {
  const files = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (/^\s*(import|export)\s+type\s/.test(match[0].trim())) continue;
      visit(resolveSpecifier(match[1], file));
    }
  };
  for (const entry of entries) visit(join(esm, entry));
  return [...files];
}

function measure(name, entries) {
  const files = closure(entries);
  const raw = files.map((file) => readFileSync(file, 'utf8'));
  const minified = raw.map((code) => minifySync(code, { module: true, compress: true, mangle: true }).code);
  const joined = minified.join('\n');
  return {
    name,
    modules: files.map((file) => relative(lib, file).replace(/^node_modules\//, '')),
    rawBytes: Buffer.byteLength(raw.join('\n')),
    minifiedBytes: Buffer.byteLength(joined),
    gzipBytes: gzipSync(joined, { level: 9 }).length,
  };
}

// What the participant page needs: validate and score what it shows, render labels.
const participant = ['validate-answers.js', 'score-answers.js', 'localize.js', 'item-rules.js'];
const scenarios = [
  measure('participant page: validateAnswers + scoreAnswers + localize + item helpers', participant),
  measure('… plus one shipped instrument (iosInstrument)', [...participant, 'instruments/ios.js']),
  measure('… plus instrumentHash (@noble/hashes sha256)', [...participant, 'instrument-hash.js']),
  measure('everything (index.js: every function and all shipped instruments)', ['index.js']),
];
for (const s of scenarios) {
  console.log(`${s.name}\n  ${s.modules.length} modules, raw ${s.rawBytes} B, minified ${s.minifiedBytes} B, gzip ${s.gzipBytes} B`);
}
if (process.argv.includes('--modules')) console.log(JSON.stringify(scenarios, null, 2));
