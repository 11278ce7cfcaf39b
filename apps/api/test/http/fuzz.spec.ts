import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fuzzReport, generateCases, prepareFuzz, runCases } from '../../../../scripts/lib/fuzz-index.mjs';
import { startTestApp, type TestApp } from '../support/app';
import { createAccount } from '../support/auth';

// A seeded sample of `npm run fuzz`'s malformed requests, against the in-process app on a real
// socket: every route, as each kind of caller. ATTUNE_FUZZ_COUNT runs more of them (the full
// 10,500) and ATTUNE_FUZZ_REPORT writes their figures, as bench/results/fuzz.json holds them.
const SEED = 20261203;
const COUNT = Number(process.env['ATTUNE_FUZZ_COUNT'] || 1200);
const REPORT = process.env['ATTUNE_FUZZ_REPORT'];

describe('schema fuzz (seeded sample)', () => {
  let app: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it(
    `answers ${COUNT} malformed requests with no 5xx, only problem+json 4xx and no unknown field accepted`,
    async () => {
      const doc: unknown = JSON.parse(readFileSync(join(__dirname, '../../openapi.json'), 'utf8'));
      const admin = await createAccount(app, { isAdmin: true });
      const context = await prepareFuzz(baseUrl, admin, { bodyLimitBytes: app.config.bodyLimitBytes });
      const cases = generateCases(doc, { seed: SEED, count: COUNT, context });
      const started = Date.now();
      const summary = await runCases(baseUrl, cases, { concurrency: 6 });
      if (REPORT) {
        const report = fuzzReport(summary, cases, {
          seed: SEED,
          seconds: Math.round((Date.now() - started) / 100) / 10,
          target: 'the API in-process on a real socket and PostgreSQL (jest)',
        });
        writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
      }
      expect(summary.requests).toBe(COUNT);
      expect(summary.failures.slice(0, 20)).toEqual([]);
    },
    20 * 60_000,
  );
});
