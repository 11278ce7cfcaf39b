import { checkIdempotencyKey, decideOnExisting, requestHash, type StoredSubmission } from './idempotency';

const stored = (overrides: Partial<StoredSubmission>): StoredSubmission => ({
  idempotencyKey: 'k1',
  requestHash: 'h1',
  state: 'done',
  responseStatus: 201,
  responseBody: { phase: 'pre', submittedAt: '2030-01-01T00:00:00.000Z' },
  stale: false,
  ...overrides,
});

describe('decideOnExisting (IETF Idempotency-Key draft)', () => {
  it.each([
    ['done, same key, same body → replay', stored({}), 'k1', 'h1', 'replay'],
    ['done, same key, other body → 422', stored({}), 'k1', 'h2', 'IDEMPOTENCY_KEY_REUSED'],
    ['done, other key → phase submitted', stored({}), 'k2', 'h1', 'PHASE_SUBMITTED'],
    ['done, other key, other body → phase submitted', stored({}), 'k2', 'h2', 'PHASE_SUBMITTED'],
    ['in flight, same key, same body → 409', stored({ state: 'in_progress' }), 'k1', 'h1', 'SUBMISSION_IN_PROGRESS'],
    ['in flight, same key, other body → 422', stored({ state: 'in_progress' }), 'k1', 'h2', 'IDEMPOTENCY_KEY_REUSED'],
    ['in flight, other key → 409', stored({ state: 'in_progress' }), 'k2', 'h2', 'SUBMISSION_IN_PROGRESS'],
    ['stale, same key → take over', stored({ state: 'in_progress', stale: true }), 'k1', 'h1', 'take_over'],
    ['stale, other key → take over', stored({ state: 'in_progress', stale: true }), 'k2', 'h2', 'take_over'],
    ['stale, same key, other body → 422', stored({ state: 'in_progress', stale: true }), 'k1', 'h2', 'IDEMPOTENCY_KEY_REUSED'],
  ])('%s', (_name, existing, key, hash, expected) => {
    const decision = decideOnExisting(existing, key, hash);
    expect(decision.kind === 'reject' ? decision.code : decision.kind).toBe(expected);
  });

  it('replays the stored status and body unchanged', () => {
    expect(decideOnExisting(stored({}), 'k1', 'h1')).toEqual({
      kind: 'replay',
      status: 201,
      body: { phase: 'pre', submittedAt: '2030-01-01T00:00:00.000Z' },
    });
  });
});

describe('checkIdempotencyKey', () => {
  it.each(['a', 'A-z_0:9.', 'k'.repeat(200), '550e8400-e29b-41d4-a716-446655440000'])('accepts %s', (key) => {
    expect(checkIdempotencyKey(key)).toBe(key);
  });

  it.each([
    [undefined, 'IDEMPOTENCY_KEY_REQUIRED'],
    ['', 'IDEMPOTENCY_KEY_REQUIRED'],
    ['k'.repeat(201), 'IDEMPOTENCY_KEY_INVALID'],
    ['a b', 'IDEMPOTENCY_KEY_INVALID'],
    ['ключ', 'IDEMPOTENCY_KEY_INVALID'],
  ])('rejects %j with %s', (key, code) => {
    expect(() => checkIdempotencyKey(key)).toThrow(expect.objectContaining({ code }));
  });
});

describe('requestHash', () => {
  it('ignores key order but not values', () => {
    expect(requestHash({ answers: { a: { x: 1, y: 2 }, b: {} } })).toBe(requestHash({ answers: { b: {}, a: { y: 2, x: 1 } } }));
    expect(requestHash({ answers: { a: { x: 1 } } })).not.toBe(requestHash({ answers: { a: { x: 2 } } }));
  });
});
