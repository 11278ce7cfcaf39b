import { getInstrument, type Instrument } from '@attune/survey';
import type { SubmitResult } from '@/lib/participant/submit-phase';
import {
  initialSurvey,
  queuedValue,
  submitFollowUp,
  surveyReducer,
  type SurveyAction,
  type SurveyState,
} from '@/lib/participant/survey-reducer';
import type { PhaseProgress } from '@/lib/participant/survey-store';

// The real shipped I-PANAS-SF: an instruction card (index 0), then ten required 5-point items.
const panas = getInstrument('i_panas_sf', 1) as Instrument;
const AT = '2026-01-01T00:00:00.000Z';

function progress(partial: Partial<PhaseProgress> = {}): PhaseProgress {
  return { answers: {}, position: 0, idempotencyKey: 'submit-pre-k1', submittedAt: null, ...partial };
}

function run(state: SurveyState, ...actions: SurveyAction[]): SurveyState {
  return actions.reduce(surveyReducer, state);
}

const allAnswered = Object.fromEntries(panas.items.filter((item) => item.kind !== 'instruction').map((item) => [item.id, 3]));
const live = initialSurvey([panas], 'en', progress(), true);
const card = (index: number) => live.cards[index]!;

describe('surveyReducer: one phase on the phone (answers, place, problems, the submit)', () => {
  it('an answer is kept with its check: fine is "", out of range is the libs/survey code; the queue gets null for it', () => {
    const fine = run(live, { kind: 'answered', card: card(1), value: 4 });
    expect(fine.progress.answers).toEqual({ i_panas_sf: { panas_upset: 4 } });
    expect(fine.errors).toEqual({ 'i_panas_sf/panas_upset': '' });
    const wrong = run(fine, { kind: 'answered', card: card(1), value: 9 });
    expect(wrong.progress.answers).toEqual({ i_panas_sf: { panas_upset: 9 } });
    expect(wrong.errors['i_panas_sf/panas_upset']).not.toBe('');
    expect(queuedValue(card(1), 9)).toBeNull();
    expect(queuedValue(card(1), 4)).toBe(4);
  });

  it("before this phone's copy is in (not live) nothing changes the progress: no answers, no moves, no submit", () => {
    const inert = initialSurvey([panas], 'en', progress(), false);
    const after = run(inert, { kind: 'answered', card: card(1), value: 4 }, { kind: 'moved', position: 3 }, { kind: 'submit' });
    expect(after.progress).toBe(inert.progress);
    expect(after.note).toBeNull();
    expect(run(inert, { kind: 'live', live: true }, { kind: 'moved', position: 3 }).progress.position).toBe(3);
  });

  it('Next passes the instruction, stops at an unanswered required item with its code, and moves once it is answered', () => {
    const onItem = run(live, { kind: 'next' });
    expect(onItem.progress.position).toBe(1);
    const stopped = run(onItem, { kind: 'next' });
    expect(stopped.progress.position).toBe(1);
    expect(stopped.errors['i_panas_sf/panas_upset']).toBe('REQUIRED');
    expect(run(stopped, { kind: 'answered', card: card(1), value: 2 }, { kind: 'next' }).progress.position).toBe(2);
  });

  it('moves stay within the cards and the submit card (index = number of cards)', () => {
    expect(run(live, { kind: 'moved', position: -4 }).progress.position).toBe(0);
    expect(run(live, { kind: 'moved', position: 99 }).progress.position).toBe(live.cards.length);
  });

  it("loaded replaces the progress (this phone's copy), keeping the problems shown", () => {
    const shown = run(live, { kind: 'next' }, { kind: 'next' });
    const loaded = run(shown, { kind: 'loaded', progress: progress({ position: 5 }) });
    expect(loaded.progress.position).toBe(5);
    expect(loaded.errors).toEqual(shown.errors);
  });

  it('submit with a missing answer does not send: it shows the problem and goes to the first such card', () => {
    const missing = { ...allAnswered, panas_alert: null };
    const atEnd = run(initialSurvey([panas], 'en', progress({ answers: { i_panas_sf: missing }, position: 11 }), true), {
      kind: 'submit',
    });
    expect(atEnd.note).toBeNull();
    expect(atEnd.progress.position).toBe(3);
    expect(atEnd.errors).toEqual({ 'i_panas_sf/panas_alert': 'REQUIRED' });
  });

  it('a complete phase is sent; retries say offline or busy; the acknowledgement marks it submitted', () => {
    const ready = initialSurvey([panas], 'en', progress({ answers: { i_panas_sf: allAnswered }, position: 11 }), true);
    const sending = run(ready, { kind: 'submit' });
    expect(sending.note).toBe('sending');
    expect(run(sending, { kind: 'retrying', offline: true }).note).toBe('offline');
    expect(run(sending, { kind: 'retrying', offline: false }).note).toBe('retrying');
    const done = run(sending, { kind: 'result', result: { kind: 'submitted' }, at: AT });
    expect(done.progress.submittedAt).toBe(AT);
    expect(done.progress.idempotencyKey).toBe('submit-pre-k1');
  });

  it("the server's 400 shows its items' codes and goes to the first; other refusals say failed", () => {
    const ready = initialSurvey([panas], 'en', progress({ answers: { i_panas_sf: allAnswered }, position: 11 }), true);
    const invalid: SubmitResult = {
      kind: 'invalid',
      errors: [{ path: 'answers.i_panas_sf.panas_hostile', code: 'OUT_OF_RANGE', message: '' }],
    };
    const refused = run(ready, { kind: 'submit' }, { kind: 'result', result: invalid, at: AT });
    expect(refused.errors).toEqual({ 'i_panas_sf/panas_hostile': 'OUT_OF_RANGE' });
    expect(refused.progress.position).toBe(2);
    expect(refused.note).toBeNull();
    expect(run(ready, { kind: 'submit' }, { kind: 'result', result: { kind: 'refused', code: 'RATE_LIMITED' }, at: AT }).note).toBe(
      'failed',
    );
  });

  it('a reused key leaves the state to the follow-up; a new key asks for another submit and is kept', () => {
    const ready = initialSurvey([panas], 'en', progress({ answers: { i_panas_sf: allAnswered }, position: 11 }), true);
    const reused = run(ready, { kind: 'submit' }, { kind: 'result', result: { kind: 'refused', code: 'IDEMPOTENCY_KEY_REUSED' }, at: AT });
    expect(reused.note).toBe('sending');
    const renewed = run(reused, { kind: 'new-key', idempotencyKey: 'submit-pre-k2' });
    expect(renewed.progress.idempotencyKey).toBe('submit-pre-k2');
    expect(renewed.note).toBe('resubmit');
  });
});

describe('submitFollowUp: what the phone does after a submit beyond its state', () => {
  it.each<[SubmitResult, ReturnType<typeof submitFollowUp>]>([
    [{ kind: 'submitted' }, 'submitted'],
    [{ kind: 'refused', code: 'PHASE_NOT_OPEN' }, 'phase-closed'],
    [{ kind: 'refused', code: 'IDEMPOTENCY_KEY_REUSED' }, 'check-server'],
    [{ kind: 'refused', code: 'RATE_LIMITED' }, null],
    [{ kind: 'invalid', errors: [] }, null],
    [{ kind: 'aborted' }, null],
  ])('%j → %s', (result, expected) => {
    expect(submitFollowUp(result)).toBe(expected);
  });
});
