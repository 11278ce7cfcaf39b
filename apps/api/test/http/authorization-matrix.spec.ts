import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CALLERS, type FuzzContext, type FuzzOperation, operations, prepareFuzz, sample } from '../../../../scripts/lib/fuzz-index.mjs';
import { startTestApp, type TestApp } from '../support/app';
import { type Credentials, createAccount } from '../support/auth';

type Caller = 'owner' | 'researcher' | 'analyst' | 'stranger' | 'none' | 'participant';
/** Who may call a route: the least a caller must be. Admin-only routes admit none of the six callers. */
type Who = 'anyone' | 'signed-in' | 'analyst' | 'researcher' | 'owner' | 'admin' | 'participant';

const ADMITTED: Record<Who, readonly Caller[]> = {
  anyone: ['owner', 'researcher', 'analyst', 'stranger', 'none', 'participant'],
  'signed-in': ['owner', 'researcher', 'analyst', 'stranger'],
  analyst: ['owner', 'researcher', 'analyst'],
  researcher: ['owner', 'researcher'],
  owner: ['owner'],
  admin: [],
  participant: ['participant'],
};

// The declared table. A route in openapi.json without a line here fails the test: decide who may
// call it before it ships.
const RULES: Record<string, Who> = {
  'GET /api/health': 'anyone',
  'POST /api/auth/login': 'anyone',
  'POST /api/participant/join': 'anyone',
  'POST /api/withdrawals': 'anyone',
  'GET /api/auth/me': 'signed-in',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/tokens': 'signed-in',
  'POST /api/auth/tokens': 'signed-in',
  'DELETE /api/auth/tokens/{tokenId}': 'signed-in',
  'GET /api/power': 'signed-in',
  'GET /api/studies': 'signed-in',
  'POST /api/studies': 'signed-in',
  'POST /api/studies/import': 'signed-in',
  'GET /api/studies/templates': 'signed-in',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'GET /api/studies/{studyId}': 'analyst',
  'GET /api/studies/{studyId}/allocation-verification': 'analyst',
  'GET /api/studies/{studyId}/data-protection': 'analyst',
  'GET /api/studies/{studyId}/design-problems': 'analyst',
  'GET /api/studies/{studyId}/external-summaries': 'analyst',
  'GET /api/studies/{studyId}/pooled': 'analyst',
  'GET /api/studies/{studyId}/members': 'analyst',
  'GET /api/studies/{studyId}/sites': 'analyst',
  'GET /api/studies/{studyId}/enrolment': 'analyst',
  'GET /api/studies/{studyId}/exports/{file}': 'analyst',
  'GET /api/studies/{studyId}/flow': 'analyst',
  'GET /api/studies/{studyId}/protocols': 'analyst',
  'GET /api/studies/{studyId}/replication': 'analyst',
  'GET /api/studies/{studyId}/results': 'analyst',
  'GET /api/studies/{studyId}/sessions': 'analyst',
  'GET /api/studies/{studyId}/sessions/{sessionId}': 'analyst',
  'POST /api/studies/{studyId}/sessions': 'researcher',
  'POST /api/studies/{studyId}/sessions/{sessionId}/abandon': 'researcher',
  'POST /api/studies/{studyId}/sessions/{sessionId}/seats/{seatNumber}/link': 'researcher',
  'POST /api/studies/{studyId}/sessions/{sessionId}/dropout': 'researcher',
  'POST /api/studies/{studyId}/sessions/{sessionId}/end-conversation': 'researcher',
  'POST /api/studies/{studyId}/sessions/{sessionId}/observed-covariates': 'researcher',
  'POST /api/studies/{studyId}/sessions/{sessionId}/start-conversation': 'researcher',
  'POST /api/studies/{studyId}/withdrawals': 'researcher',
  'PUT /api/studies/{studyId}': 'owner',
  'POST /api/studies/{studyId}/amendments': 'owner',
  'POST /api/studies/{studyId}/launch': 'owner',
  'POST /api/studies/{studyId}/members': 'owner',
  'PUT /api/studies/{studyId}/members/{userId}': 'owner',
  'DELETE /api/studies/{studyId}/members/{userId}': 'owner',
  'POST /api/studies/{studyId}/sites': 'owner',
  'PUT /api/studies/{studyId}/sites/{siteId}': 'owner',
  'POST /api/studies/{studyId}/design-check': 'owner',
  'GET /api/studies/{studyId}/protocol-file': 'owner',
  'GET /api/studies/{studyId}/site-summary': 'owner',
  'POST /api/studies/{studyId}/external-summaries': 'owner',
  'DELETE /api/studies/{studyId}/external-summaries/{summaryId}': 'owner',
  'PUT /api/studies/{studyId}/original-effect': 'owner',
  'POST /api/studies/{studyId}/pause': 'owner',
  'POST /api/studies/{studyId}/resume': 'owner',
  'POST /api/studies/{studyId}/close': 'owner',
  'GET /api/participant/state': 'participant',
  'GET /api/participant/answers/{phase}': 'participant',
  'PUT /api/participant/answers/{phase}/{instrumentId}/{itemId}': 'participant',
  'POST /api/participant/consent': 'participant',
  'POST /api/participant/covariates': 'participant',
  'POST /api/participant/heartbeat': 'participant',
  'POST /api/participant/instructions/confirm': 'participant',
  'POST /api/participant/language': 'participant',
  'POST /api/participant/phases/{phase}/submit': 'participant',
  'POST /api/participant/rejoin': 'participant',
  'POST /api/participant/leave': 'participant',
};

// Valid bodies where a role is checked after validation (a 400 would hide the refusal).
const BODIES: Record<string, unknown> = {
  'POST /api/studies/{studyId}/members': { email: 'nobody@example.org', role: 'analyst' },
  'POST /api/studies/{studyId}/sites': { code: 'matrix', name: 'Matrix' },
  'PUT /api/studies/{studyId}/sites/{siteId}': { name: 'Matrix' },
  'POST /api/studies/{studyId}/external-summaries': {
    file: {
      format: 'attune.site-summary.v1',
      exportedAt: '2026-12-01T00:00:00.000Z',
      site: { label: 'Elsewhere', country: null },
      designHash: 'a'.repeat(64),
      protocolVersion: 1,
      analysis: 'as_randomised',
      scales: [],
      sha256: 'b'.repeat(64),
    },
  },
  'PUT /api/studies/{studyId}/original-effect': {
    factorId: 'phone',
    instrumentId: 'ios',
    instrumentVersion: 2,
    scale: 'ios',
    phase: 'post',
    citation: 'Author (2013)',
    locator: 'p. 1',
    statistic: { kind: 'd', d: 0.5, n1: 20, n2: 20 },
  },
};

// Run last, in this order: they end the states the other routes are called in.
const LAST = [
  'PUT /api/studies/{studyId}',
  'POST /api/studies/{studyId}/launch',
  'POST /api/participant/leave',
  'POST /api/studies/{studyId}/pause',
  'POST /api/studies/{studyId}/close',
  'POST /api/auth/logout',
];

const doc = JSON.parse(readFileSync(join(__dirname, '../../openapi.json'), 'utf8')) as unknown;
const ops = operations(doc).sort((a, b) => LAST.indexOf(a.key) - LAST.indexOf(b.key));

/** Denied: 401 or 403, or 404 where a study's existence is hidden from non-members. */
function denied(status: number): boolean {
  return status === 401 || status === 403 || status === 404;
}

describe('authorization matrix (every route in openapi.json × six kinds of caller)', () => {
  let app: TestApp;
  let baseUrl: string;
  let context: FuzzContext;
  let admin: Credentials;

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await createAccount(app, { isAdmin: true });
    context = await prepareFuzz(baseUrl, admin, { bodyLimitBytes: app.config.bodyLimitBytes });
  });
  afterAll(() => app.close());

  function request(op: FuzzOperation, caller: Caller): Promise<number> {
    const [draftId, launchedId] = context.ids['studyId'] as string[];
    const studyId = op.key === 'PUT /api/studies/{studyId}' || op.key.endsWith('/launch') ? draftId : launchedId;
    const ids: Record<string, string> = {
      ...(context.ids as Record<string, string>),
      studyId: studyId as string,
      phase: 'pre',
      instrumentId: 'ios',
      itemId: 'ios',
      file: 'wide.csv',
      seatNumber: '1',
    };
    const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(ids[name] ?? 'x'));
    const query = op.queryParams
      .filter((p) => p.required)
      .map((p) => `${p.name}=${encodeURIComponent(String(sample(doc, p.schema)))}`)
      .join('&');
    const body =
      op.key === 'POST /api/auth/login'
        ? admin
        : (BODIES[op.key] ?? context.bodies[op.key] ?? (op.bodySchema ? sample(doc, op.bodySchema) : undefined));
    const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
    return fetch(`${baseUrl}${path}${query ? `?${query}` : ''}`, {
      method: op.method,
      headers: { ...context.callers[caller], ...(hasBody ? { 'content-type': 'application/json' } : {}) },
      body: hasBody ? JSON.stringify(body ?? {}) : undefined,
    }).then(async (res) => {
      await res.arrayBuffer();
      return res.status;
    });
  }

  it('declares who may call every route, and nothing else', () => {
    expect(ops.map((op) => op.key).filter((key) => !(key in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((key) => !ops.some((op) => op.key === key))).toEqual([]);
  });

  it('lets exactly the declared callers through', async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      // Least privileged first, so that an allowed call cannot change what a denied one sees.
      for (const caller of ['none', 'participant', 'stranger', 'analyst', 'researcher', 'owner'] as const) {
        const status = await request(op, caller);
        const who = RULES[op.key];
        if (who === undefined) continue;
        const admitted = ADMITTED[who].includes(caller);
        if (admitted === denied(status) && !(admitted && status === 404))
          wrong.push(`${op.key} as ${caller}: ${status} (declared: ${who})`);
      }
    }
    expect(CALLERS).toHaveLength(6);
    expect(wrong).toEqual([]);
  }, 120_000);
});
