import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { API_ORDER, apiLayerViolations } from '../../../../scripts/lib/api-layers.mjs';

const repoRoot = join(__dirname, '../../../..');
const sourceRoot = join(repoRoot, 'apps/api/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return entry.endsWith('.ts') ? [path] : [];
  });
}

const tree = sourceFiles(sourceRoot).map((path) => ({ path: relative(repoRoot, path), text: readFileSync(path, 'utf8') }));

describe('the API feature order (scripts/check-boundaries.mjs)', () => {
  it('holds for every import in apps/api/src', () => {
    expect(apiLayerViolations(tree)).toEqual([]);
  });

  it('names every feature folder of apps/api/src, so a new one has to take its place in the order', () => {
    const roots = ['cli', 'database', 'health'];
    const folders = readdirSync(sourceRoot).filter((entry) => statSync(join(sourceRoot, entry)).isDirectory());
    expect(folders.filter((folder) => !roots.includes(folder) && !API_ORDER.includes(folder))).toEqual([]);
  });

  it('fails a feature importing one later in the order, at its file and line', () => {
    const fixture = {
      path: 'apps/api/src/studies/fixture.ts',
      text: "import { Injectable } from '@nestjs/common';\nimport { ParticipantGuard } from '../participants/participant-auth';\n",
    };
    expect(apiLayerViolations([fixture])).toEqual([
      "apps/api/src/studies/fixture.ts:2: 'studies' may not import 'participants/participant-auth': it comes later in the API's feature order",
    ]);
  });

  it('counts type-only imports, re-exports and dynamic imports too', () => {
    const fixture = {
      path: 'apps/api/src/sessions/fixture.ts',
      text: [
        "import type { Allocation } from '../allocation/allocation.entity';",
        "export { ResponseError } from '../responses/responses.errors';",
        "const later = () => import('../exports/exports.service');",
      ].join('\n'),
    };
    expect(apiLayerViolations([fixture]).map((violation) => violation.split(': ')[0])).toEqual([
      'apps/api/src/sessions/fixture.ts:1',
      'apps/api/src/sessions/fixture.ts:2',
      'apps/api/src/sessions/fixture.ts:3',
    ]);
  });

  it('lets a feature import itself and earlier features, and composition roots import anything', () => {
    const files = [
      { path: 'apps/api/src/participants/fixture.ts', text: "import '../sessions/session.entity';\nimport './participant-auth';" },
      { path: 'apps/api/src/app.module.ts', text: "import { ExportsModule } from './exports/exports.module';" },
      { path: 'apps/api/src/cli/fixture.ts', text: "import '../participants/participant-join.service';" },
      { path: 'apps/api/src/openapi/openapi.ts', text: "import '../studies/studies.errors';" },
    ];
    expect(apiLayerViolations(files)).toEqual([]);
  });

  it('keeps the decorators in openapi/ below every feature, and features away from the composition roots', () => {
    const files = [
      { path: 'apps/api/src/openapi/api-doc.ts', text: "import '../studies/studies.errors';" },
      { path: 'apps/api/src/studies/fixture.ts', text: "import '../app.module';\nimport '../database/entities';" },
    ];
    expect(apiLayerViolations(files)).toHaveLength(3);
  });
});
