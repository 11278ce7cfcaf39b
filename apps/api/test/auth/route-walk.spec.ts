import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';

// Routes that are public on purpose. Anything else in openapi.json must refuse an anonymous call.
const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/login', 'POST /api/withdrawals']);
const PUBLIC_PREFIXES = ['/api/participant/'];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

function routes(): Array<{ method: Method; path: string }> {
  const spec = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(spec.paths).flatMap(([path, operations]) =>
    METHODS.filter((method) => method in operations).map((method) => ({ method, path })),
  );
}

describe('every non-public route needs credentials', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const protectedRoutes = routes().filter(
    ({ method, path }) => !PUBLIC.has(`${method.toUpperCase()} ${path}`) && !PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix)),
  );

  it('finds routes to check', () => {
    expect(protectedRoutes.length).toBeGreaterThan(3);
  });

  it.each(protectedRoutes)('$method $path → 401 without credentials', async ({ method, path }) => {
    const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
    const res = await request(app.http)[method](url).send({});
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
