// The API's feature folders in dependency order (ARCHITECTURE.md, "Feature folders in the API").
// A file under apps/api/src may import its own folder and the folders before it, never one after.
// Pure: no I/O and no import.meta, so the API's jest tests load it through swc as CJS.

/** Earliest first. A folder may import only its own files and those of the folders before it. */
export const API_ORDER = [
  'common',
  'config',
  'audit',
  'openapi',
  'auth',
  'randomisation',
  'studies',
  'sites',
  'sessions',
  'allocation',
  'participants',
  'responses',
  'withdrawals',
  'retention',
  'analysis',
  'pooling',
  'exports',
];

/** Composition roots wire every feature together, so they may import anything. */
const ROOTS = [
  /^[^/]+$/, // app.module, app.factory, main
  /^database\//, // the data source lists every entity; migrations
  /^cli\//,
  /^health\//,
  /^openapi\/(openapi|write-openapi)\.ts$/, // the document builder, not the decorators every controller uses
];

const SOURCE_ROOT = 'apps/api/src/';
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module a source text imports, re-exports, loads for side effects or requires, with its line. */
export function* importsOf(text) {
  for (const match of text.matchAll(IMPORT)) {
    yield { specifier: match[1] ?? match[2] ?? match[3] ?? match[4], line: text.slice(0, match.index).split('\n').length };
  }
}

function folderRank(path) {
  return API_ORDER.indexOf(path.split('/')[0]);
}

/** Joins a relative specifier onto the importing file's folder ('a/b/c.ts' + '../d' = 'a/d'); '../x' when it leaves src. */
function resolveRelative(from, specifier) {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/**
 * Why `from` may not import `to` (both relative to apps/api/src, `to` without extension), or
 * undefined when the edge follows the order. A folder missing from API_ORDER is a problem too,
 * so a new feature has to take its place in the order.
 */
export function apiLayerProblem(from, to) {
  if (ROOTS.some((root) => root.test(from)) || from.split('/')[0] === to.split('/')[0]) return undefined;
  const [fromRank, toRank] = [folderRank(from), folderRank(to)];
  if (fromRank < 0) return `'${from.split('/')[0]}/' is not in the API's feature order (scripts/lib/api-layers.mjs)`;
  if (toRank < 0) return `'${to.split('/')[0]}/' is a composition root or not in the feature order; features may not import it`;
  if (toRank > fromRank) return `'${from.split('/')[0]}' may not import '${to}': it comes later in the API's feature order`;
  return undefined;
}

/**
 * Every relative import in `files` ({ path: repo-relative, text }) under apps/api/src that runs
 * back up the order, as "path:line: problem".
 */
export function apiLayerViolations(files) {
  const violations = [];
  for (const { path, text } of files) {
    if (!path.startsWith(SOURCE_ROOT)) continue;
    const from = path.slice(SOURCE_ROOT.length);
    for (const { specifier, line } of importsOf(text)) {
      if (!specifier.startsWith('.')) continue;
      const to = resolveRelative(from, specifier);
      const problem = to.startsWith('../') ? undefined : apiLayerProblem(from, to);
      if (problem) violations.push(`${path}:${line}: ${problem}`);
    }
  }
  return violations;
}
