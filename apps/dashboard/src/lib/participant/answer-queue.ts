import type { AnswerValue } from '@attune/survey';
import { backoffDelay, isRetryable, type Outcome } from './http';
import { isRecord, type KeyValueStore, readJson, writeJson } from './storage';
import type { Phase } from './types';

/** Where a participant's unsent answers wait on this phone. */
export function queueStorageKey(participantId: string): string {
  return `attune.queue.${participantId}`;
}

/** One answer waiting to reach the server. `null` clears the item there. */
export interface PendingAnswer {
  readonly phase: Phase;
  readonly instrumentId: string;
  readonly itemId: string;
  readonly value: AnswerValue | null;
}

export type SaveStatus = 'saved' | 'saving' | 'offline';

export interface QueueSnapshot {
  readonly status: SaveStatus;
  readonly pending: number;
  /** Answers the server refused (400), keyed like `answerKey`, with the libs/survey code. */
  readonly rejected: Readonly<Record<string, string>>;
}

export interface QueueDeps {
  readonly send: (answer: PendingAnswer) => Promise<Outcome<unknown>>;
  readonly store: KeyValueStore;
  readonly storageKey: string;
  readonly isOnline: () => boolean;
  readonly setTimer: (run: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
  readonly random?: () => number;
}

interface Entry {
  answer: PendingAnswer;
  /** Bumped on every new value, so an acknowledgement of an older value does not drop a newer one. */
  revision: number;
}

export function answerKey(answer: Pick<PendingAnswer, 'phase' | 'instrumentId' | 'itemId'>): string {
  return `${answer.phase}/${answer.instrumentId}/${answer.itemId}`;
}

function isPendingList(value: unknown): value is PendingAnswer[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        isRecord(entry) &&
        (entry['phase'] === 'pre' || entry['phase'] === 'post') &&
        typeof entry['instrumentId'] === 'string' &&
        typeof entry['itemId'] === 'string' &&
        'value' in entry,
    )
  );
}

/**
 * Saves answers one by one as they are given. Pending answers are persisted in localStorage, so a
 * reload or a dead battery loses nothing; network failures, 5xx and 429 are retried with backoff
 * (Retry-After honoured), while a 4xx is final and reported next to the item. Newer values of the
 * same item replace older ones still waiting, so a queue never replays stale answers.
 */
export class AnswerQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private rejected: Record<string, string> = {};
  private inFlight = false;
  private attempt = 0;
  private lastFailureOffline = false;
  private timer: unknown = null;
  private snapshot: QueueSnapshot = { status: 'saved', pending: 0, rejected: {} };
  private disposed = false;

  constructor(private readonly deps: QueueDeps) {
    for (const answer of readJson(deps.store, deps.storageKey, isPendingList) ?? []) {
      this.entries.set(answerKey(answer), { answer, revision: 0 });
    }
    this.update();
  }

  put(answer: PendingAnswer): void {
    const key = answerKey(answer);
    const previous = this.entries.get(key);
    this.entries.set(key, { answer, revision: (previous?.revision ?? 0) + 1 });
    if (key in this.rejected) this.rejected = Object.fromEntries(Object.entries(this.rejected).filter(([k]) => k !== key));
    this.persist();
    this.update();
    this.kick();
  }

  /** Retry now (the browser says it is online again, or the participant pressed a button). */
  wake(): void {
    this.attempt = 0;
    this.kick();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): QueueSnapshot => this.snapshot;

  /** Resolves true once nothing is pending, or false after `timeoutMs`. */
  flush(timeoutMs: number): Promise<boolean> {
    if (this.entries.size === 0) return Promise.resolve(true);
    this.wake();
    return new Promise((resolve) => {
      const stop = this.subscribe(() => {
        if (this.entries.size > 0) return;
        stop();
        this.deps.clearTimer(guard);
        resolve(true);
      });
      const guard = this.deps.setTimer(() => {
        stop();
        resolve(this.entries.size === 0);
      }, timeoutMs);
    });
  }

  /** Answers of `phase` not yet acknowledged (to show the right status after a reload). */
  pendingFor(phase: Phase): PendingAnswer[] {
    return [...this.entries.values()].map((entry) => entry.answer).filter((answer) => answer.phase === phase);
  }

  /** Stops timers; pending answers stay persisted for the next page load. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private kick(): void {
    if (this.disposed || this.inFlight || this.entries.size === 0) return;
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    void this.sendNext();
  }

  private async sendNext(): Promise<void> {
    const next = this.entries.entries().next();
    if (next.done) return;
    const [key, entry] = next.value;
    const revision = entry.revision;
    this.inFlight = true;
    this.update();
    const outcome = await this.deps.send(entry.answer);
    this.inFlight = false;
    if (this.disposed) return;
    if (isRetryable(outcome)) return this.retryLater(outcome);
    this.attempt = 0;
    this.lastFailureOffline = false;
    if (outcome.kind === 'problem') this.reject(key, outcome);
    if (this.entries.get(key)?.revision === revision) this.entries.delete(key);
    this.persist();
    this.update();
    this.kick();
  }

  private retryLater(outcome: Outcome<unknown>): void {
    this.lastFailureOffline = outcome.kind === 'offline';
    const retryAfter = outcome.kind === 'problem' ? outcome.retryAfterMs : null;
    const delay = backoffDelay(this.attempt, retryAfter, this.deps.random);
    this.attempt += 1;
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      this.kick();
    }, delay);
    this.update();
  }

  /** Only a refused value is worth showing; a closed or submitted phase keeps its answers in the submission. */
  private reject(key: string, outcome: Extract<Outcome<unknown>, { kind: 'problem' }>): void {
    const issue = outcome.problem.errors?.[0];
    if (outcome.problem.status === 400 && issue) this.rejected = { ...this.rejected, [key]: issue.code };
  }

  private persist(): void {
    writeJson(
      this.deps.store,
      this.deps.storageKey,
      [...this.entries.values()].map((entry) => entry.answer),
    );
  }

  private update(): void {
    const pending = this.entries.size;
    const offline = pending > 0 && (this.lastFailureOffline || !this.deps.isOnline());
    const status: SaveStatus = pending === 0 ? 'saved' : offline ? 'offline' : 'saving';
    const current = this.snapshot;
    if (current.status === status && current.pending === pending && current.rejected === this.rejected) return;
    this.snapshot = { status, pending, rejected: this.rejected };
    for (const listener of [...this.listeners]) listener();
  }
}
