// Module boundaries, driven by the Nx tags in each project's package.json:
//   scope:shared (libs/survey) imports no framework; an app never imports another app;
//   nothing deep-imports a library past its index (e.g. '@attune/survey/src/x');
//   inside apps/api/src no relative import runs back up the feature order (scripts/lib/api-layers.mjs).
// Exits 1 listing every violation with file:line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { apiLayerViolations, importsOf } from './lib/api-layers.mjs';
import { repoRoot } from './lib/postgres.mjs';

const FRAMEWORKS = [/^@nestjs\//, /^typeorm$/, /^react(-dom)?(\/|$)/, /^next(\/|$)/, /^recharts$/, /^pg$/, /^express$/];
const SKIP = new Set(['node_modules', 'dist', '.next', 'test-results', 'playwright-report']);

function projects() {
  return ['apps', 'libs', '.'].flatMap((parent) => {
    const dirs = parent === '.' ? ['e2e'] : readdirSync(join(repoRoot, parent)).map((d) => join(parent, d));
    return dirs.map((dir) => {
      const pkg = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8'));
      return { dir, name: pkg.name, tags: pkg.nx?.tags ?? [] };
    });
  });
}

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir)) {
    if (SKIP.has(entry) || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(m|c)?[jt]sx?$/.test(entry) && !entry.endsWith('.d.ts')) yield path;
  }
}

function rulesFor(project, all) {
  const apps = all.filter((p) => p.dir.startsWith('apps/') && p !== project);
  return (specifier, resolvedPath, file) => {
    if (/^@attune\/[^/]+\/.+/.test(specifier)) return `deep import past a library's index: '${specifier}'`;
    if (project.tags.includes('scope:shared') && FRAMEWORKS.some((re) => re.test(specifier)))
      return `scope:shared may not import the framework '${specifier}'`;
    const shipped = /\/src\//.test(file) && !/\.spec\.[jt]sx?$/.test(file);
    if (project.tags.includes('scope:shared') && shipped && specifier.startsWith('node:'))
      return `scope:shared runs in browsers; no '${specifier}'`;
    const other = apps.find((app) => specifier === app.name || (resolvedPath && resolvedPath.startsWith(`${app.dir}/`)));
    if (other && project.dir.startsWith('apps/')) return `an app may not import another app ('${specifier}')`;
    return undefined;
  };
}

const all = projects();
const violations = [];
for (const project of all) {
  if (project.tags.length === 0) violations.push(`${project.dir}/package.json: project has no nx tags`);
  const check = rulesFor(project, all);
  for (const file of sourceFiles(join(repoRoot, project.dir))) {
    const text = readFileSync(file, 'utf8');
    violations.push(...apiLayerViolations([{ path: relative(repoRoot, file), text }]));
    for (const { specifier, line } of importsOf(text)) {
      const resolved = specifier.startsWith('.') ? relative(repoRoot, join(file, '..', specifier)) : undefined;
      const problem = check(specifier, resolved, relative(repoRoot, file));
      if (problem) violations.push(`${relative(repoRoot, file)}:${line}: ${problem}`);
    }
  }
}
if (violations.length) {
  process.stderr.write(`module boundary violations:\n${violations.map((v) => `  ${v}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`module boundaries ok (${all.map((p) => `${p.name} [${p.tags.join(', ')}]`).join('; ')})\n`);
