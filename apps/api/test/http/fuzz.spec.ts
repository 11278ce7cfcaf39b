import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generateCases, prepareFuzz, runCases } from '../../../../scripts/lib/fuzz-index.mjs';
import { startTestApp, type TestApp } from '../support/app';
import { createAccount } from '../support/auth';

// A seeded sample of `npm run fuzz`'s malformed requests, against the in-process app on a real
// socket: every route, as each kind of caller. The full run's figures are in bench/results/fuzz.json.
const SEED = 20261203;
const SAMPLE = 1200;

describe('schema fuzz (seeded sample)', () => {
  let app: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it(`answers ${SAMPLE} malformed requests with no 5xx, only problem+json 4xx and no unknown field accepted`, async () => {
    const doc: unknown = JSON.parse(readFileSync(join(__dirname, '../../openapi.json'), 'utf8'));
    const admin = await createAccount(app, { isAdmin: true });
    const context = await prepareFuzz(baseUrl, admin, { bodyLimitBytes: app.config.bodyLimitBytes });
    const cases = generateCases(doc, { seed: SEED, count: SAMPLE, context });
    const summary = await runCases(baseUrl, cases, { concurrency: 6 });
    expect(summary.requests).toBe(SAMPLE);
    expect(summary.failures.slice(0, 20)).toEqual([]);
  }, 120_000);
});
