import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Guards what the participant's phone downloads: the rulebook must not drag in the shipped
// instruments, the SHA-256 code or anything that only runs in Node.

const SRC = __dirname;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g;

function librarySources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : librarySources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Runtime imports only: `import type` and `export type` vanish from the built code. */
function runtimeImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(IMPORT)]
    .filter((match) => !/^\s*(import|export)\s+type\s/.test(match[0].trim()))
    .map((match) => match[1] as string);
}

function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (specifier: string, from: string) => {
    const key = specifier.startsWith('.') ? relative(SRC, resolve(dirname(from), `${specifier}.ts`)) : specifier;
    if (seen.has(key)) return;
    seen.add(key);
    if (specifier.startsWith('.')) {
      const file = join(SRC, key);
      for (const next of runtimeImports(file)) visit(next, file);
    }
  };
  visit(`./${entry}`, join(SRC, 'index.ts'));
  return seen;
}

describe('module graph', () => {
  it.each(['validate-answers', 'score-answers', 'check-results', 'export-row'])(
    '%s does not pull the shipped instruments or the hash code',
    (entry) => {
      const modules = [...closure(entry)];
      expect(modules.filter((m) => m.startsWith('instruments/') || m === 'registry.ts')).toEqual([]);
      expect(modules.filter((m) => m.startsWith('@noble'))).toEqual([]);
    },
  );

  it('a shipped instrument ships as data, without the definition checks', () => {
    const modules = [...closure('instruments/ios')];
    expect(modules.filter((m) => m.startsWith('check-') || m === 'define-instrument.ts')).toEqual([]);
  });

  it('sees through the graph (the checks above are not vacuous)', () => {
    expect(closure('validate-answers')).toContain('check-value.ts');
    const everything = closure('index');
    expect(everything).toContain('registry.ts');
    expect(everything).toContain('instruments/ios.ts');
    expect(everything).toContain('@noble/hashes/sha2');
  });

  it('imports no framework and nothing Node-only', () => {
    const forbidden = /^(node:|@nestjs\/|typeorm|react|next|recharts|fs$|path$|crypto$)/;
    for (const file of librarySources()) {
      const bad = runtimeImports(file).filter((specifier) => forbidden.test(specifier));
      expect({ file: relative(SRC, file), bad }).toEqual({ file: relative(SRC, file), bad: [] });
    }
  });

  it('uses extensionless relative imports (one source tree for both builds)', () => {
    for (const file of librarySources()) {
      const withExtension = runtimeImports(file).filter((s) => s.startsWith('.') && /\.[cm]?[jt]s$/.test(s));
      expect({ file: relative(SRC, file), withExtension }).toEqual({ file: relative(SRC, file), withExtension: [] });
    }
  });

  it('keeps every library file under 400 lines', () => {
    for (const file of librarySources()) {
      const lines = readFileSync(file, 'utf8').split('\n').length;
      expect({ file: relative(SRC, file), small: lines < 400 }).toEqual({ file: relative(SRC, file), small: true });
    }
  });
});
