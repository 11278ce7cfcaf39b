import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { buildOpenApiDocument, canonicalOpenApi } from '../../src/openapi/openapi';
import { startTestApp, type TestApp } from '../support/app';

describe('OpenAPI', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('matches the committed apps/api/openapi.json (run `npm run openapi` after changing DTOs)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8');
    expect(canonicalOpenApi(buildOpenApiDocument(app.app))).toBe(committed);
  });

  it('is served as JSON at /api/docs-json and as a UI at /api/docs', async () => {
    const json = await request(app.http).get('/api/docs-json').expect(200);
    expect(json.body.info.title).toBe('Attune API');
    const ui = await request(app.http).get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });
});

// One file holds the types generated from openapi.json (libs/api-client); the dashboard, the API
// tests and e2e all read it, so it must be regenerated with the document.
describe.each([['the API types', 'libs/api-client/src/schema.d.ts']])('%s', (_name, file) => {
  it(`are generated from the committed openapi.json into ${file} (run \`npm run openapi\`)`, () => {
    const root = join(__dirname, '..', '..', '..', '..');
    const cli = join(
      dirname(require.resolve('openapi-typescript/package.json', { paths: [join(root, 'apps', 'dashboard')] })),
      'bin',
      'cli.js',
    );
    const generated = spawnSync(process.execPath, [cli, join(root, 'apps', 'api', 'openapi.json')], { encoding: 'utf8' });
    expect(generated.status).toBe(0);
    const committed = readFileSync(join(root, file), 'utf8');
    expect(generated.stdout.trim()).toBe(committed.trim());
  });
});
