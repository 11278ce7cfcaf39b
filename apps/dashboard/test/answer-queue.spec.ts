import type { ProblemCode } from '@/lib/api/problem';
import { AnswerQueue, type PendingAnswer } from '@/lib/participant/answer-queue';
import type { Outcome } from '@/lib/participant/http';
import { MemoryStore } from './memory-store';

const KEY = 'attune.queue.p1';
const OK: Outcome<unknown> = { kind: 'ok', status: 200, data: {} };
const OFFLINE: Outcome<unknown> = { kind: 'offline' };

// `issue` is the field's own code (the survey's OUT_OF_RANGE…), which is not a problem code.
function problem(status: number, code: ProblemCode, retryAfterMs: number | null = null, issue: string = code): Outcome<unknown> {
  return {
    kind: 'problem',
    retryAfterMs,
    problem: { type: 'about:blank', title: code, status, code, requestId: 'r', errors: [{ path: 'value', code: issue, message: issue }] },
  };
}

const answer = (itemId: string, value: number | null): PendingAnswer => ({ phase: 'pre', instrumentId: 'ios', itemId, value });

/** A queue whose network and clock the test drives: each send waits until the test answers it. */
function harness(store = new MemoryStore()) {
  const sent: PendingAnswer[] = [];
  const replies: Array<(outcome: Outcome<unknown>) => void> = [];
  const timers: Array<{ run: () => void; ms: number; live: boolean }> = [];
  const queue = new AnswerQueue({
    store,
    storageKey: KEY,
    isOnline: () => true,
    random: () => 0,
    setTimer: (run, ms) => {
      const timer = { run, ms, live: true };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      (handle as { live: boolean }).live = false;
    },
    send: (pending) => {
      sent.push(pending);
      return new Promise((resolve) => replies.push(resolve));
    },
  });
  const reply = async (outcome: Outcome<unknown>) => {
    replies.shift()?.(outcome);
    // Let the queue's continuation run.
    await new Promise((resolve) => setImmediate(resolve));
  };
  const fireTimers = () => {
    for (const timer of timers.splice(0)) if (timer.live) timer.run();
  };
  return { store, queue, sent, reply, timers, fireTimers };
}

const persisted = (store: MemoryStore): PendingAnswer[] => JSON.parse(store.get(KEY) ?? '[]') as PendingAnswer[];

describe('AnswerQueue: every answer reaches the server once, whatever the network does', () => {
  it('persists an answer before sending it, and forgets it only once acknowledged', async () => {
    const { store, queue, sent, reply } = harness();
    queue.put(answer('ios', 4));
    expect(persisted(store)).toEqual([answer('ios', 4)]);
    expect(sent).toEqual([answer('ios', 4)]);
    expect(queue.getSnapshot()).toMatchObject({ status: 'saving', pending: 1 });
    await reply(OK);
    expect(persisted(store)).toEqual([]);
    expect(queue.getSnapshot()).toMatchObject({ status: 'saved', pending: 0 });
  });

  it('a page reload (a new queue on the same storage) sends what the last one could not', async () => {
    const first = harness();
    first.queue.put(answer('a', 1));
    await first.reply(OFFLINE);
    first.queue.dispose();
    const second = harness(first.store);
    expect(second.queue.getSnapshot().pending).toBe(1);
    second.queue.wake();
    expect(second.sent).toEqual([answer('a', 1)]);
    await second.reply(OK);
    expect(persisted(second.store)).toEqual([]);
  });

  it('retries offline and 5xx/429 with backoff, honouring Retry-After, and reports offline meanwhile', async () => {
    const { queue, sent, reply, timers, fireTimers } = harness();
    queue.put(answer('a', 1));
    await reply(OFFLINE);
    expect(queue.getSnapshot().status).toBe('offline');
    expect(timers.map((timer) => timer.ms)).toEqual([500]);
    fireTimers();
    await reply(problem(503, 'SERVER_ERROR'));
    expect(timers.map((timer) => timer.ms)).toEqual([1_000]);
    fireTimers();
    await reply(problem(429, 'RATE_LIMITED', 20_000));
    // Retry-After wins over the shorter backoff.
    expect(timers.map((timer) => timer.ms)).toEqual([20_000]);
    fireTimers();
    await reply(OK);
    expect(sent).toHaveLength(4);
    expect(queue.getSnapshot()).toMatchObject({ status: 'saved', pending: 0 });
  });

  it('a newer value replaces one still waiting, and the acknowledgement of an older one keeps the newer', async () => {
    const { store, queue, sent, reply } = harness();
    queue.put(answer('a', 1));
    queue.put(answer('a', 2));
    expect(persisted(store)).toEqual([answer('a', 2)]);
    await reply(OK);
    // The value sent was 1; 2 is still owed.
    expect(queue.getSnapshot().pending).toBe(1);
    expect(sent.at(-1)).toEqual(answer('a', 2));
    await reply(OK);
    expect(persisted(store)).toEqual([]);
  });

  it('a 400 is final: the answer is dropped and its code reported next to the item, until a new value', async () => {
    const { queue, reply } = harness();
    queue.put(answer('a', 9));
    await reply(problem(400, 'INVALID_ANSWERS', null, 'OUT_OF_RANGE'));
    expect(queue.getSnapshot()).toMatchObject({ status: 'saved', pending: 0, rejected: { 'pre/ios/a': 'OUT_OF_RANGE' } });
    queue.put(answer('a', 3));
    expect(queue.getSnapshot().rejected).toEqual({});
  });

  it('flush resolves true once drained, false when the time is up first', async () => {
    const { queue, reply, timers } = harness();
    await expect(queue.flush(1_000)).resolves.toBe(true);
    queue.put(answer('a', 1));
    const drained = queue.flush(1_000);
    await reply(OK);
    await expect(drained).resolves.toBe(true);
    queue.put(answer('b', 1));
    const late = queue.flush(1_000);
    await reply(OFFLINE);
    // The flush's own guard (the backoff timer after going offline is 500 ms).
    timers
      .filter((timer) => timer.live && timer.ms === 1_000)
      .at(-1)
      ?.run();
    await expect(late).resolves.toBe(false);
  });
});
