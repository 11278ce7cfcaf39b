import { queueStorageKey } from '../src/lib/participant/answer-queue';
import { forgetAnswers, saveProgress } from '../src/lib/participant/survey-store';
import { withdrawalResult } from '../src/lib/participant/withdrawal';
import { MemoryStore } from './memory-store';

const problem = (code: string, detail?: string) => ({
  type: 'about:blank',
  title: 't',
  status: 409,
  code,
  requestId: 'r',
  ...(detail ? { detail } : {}),
});

describe('what the withdrawal page says', () => {
  it('a 200 is done, whether or not the code matched (the API does not say)', () => {
    expect(withdrawalResult(200, { received: true }, null)).toEqual({ kind: 'done' });
  });

  it('a mistyped code asks to check the characters', () => {
    expect(withdrawalResult(400, problem('WITHDRAWAL_CODE_MALFORMED'), null).kind).toBe('mistyped');
  });

  it("a passed deadline shows the API's sentence naming the date", () => {
    expect(
      withdrawalResult(409, problem('WITHDRAWAL_DEADLINE_PASSED', 'Withdrawal from this study was possible until 2026-03-01.'), null),
    ).toEqual({ kind: 'refused', message: 'Withdrawal from this study was possible until 2026-03-01.' });
  });

  it('the rate limit says how long to wait, from Retry-After', () => {
    expect(withdrawalResult(429, problem('RATE_LIMITED'), '1800')).toEqual({
      kind: 'wait',
      message: 'Too many tries from this connection. Please try again in 30 minutes.',
    });
    expect(withdrawalResult(429, undefined, null)).toMatchObject({ message: expect.stringContaining('a minute') });
  });

  it('anything else says nothing changed', () => {
    expect(withdrawalResult(502, undefined, null)).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('nothing was changed'),
    });
  });
});

describe('after a withdrawal the phone forgets the answers', () => {
  it("removes both phases' progress and the unsent queue of that participant only", () => {
    const store = new MemoryStore();
    saveProgress(store, 'p1', 'pre', { answers: { ios: { ios: 5 } }, position: 2, idempotencyKey: 'k', submittedAt: null });
    saveProgress(store, 'p1', 'post', { answers: { ios: { ios: 6 } }, position: 1, idempotencyKey: 'k2', submittedAt: null });
    store.set(queueStorageKey('p1'), '[]');
    saveProgress(store, 'p2', 'pre', { answers: {}, position: 0, idempotencyKey: 'k3', submittedAt: null });
    store.set('attune.instrument.ios@1', '{}');
    forgetAnswers(store, 'p1');
    expect([...store.values.keys()].sort()).toEqual(['attune.instrument.ios@1', 'attune.progress.p2.pre']);
  });
});
