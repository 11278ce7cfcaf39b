import { getInstrument, type Instrument } from '@attune/survey';
import { serverPhase, settlePhase } from '@/lib/participant/load-phase';
import type { StoredParticipant } from '@/lib/participant/participant-store';
import { loadProgress, saveProgress } from '@/lib/participant/survey-store';
import type { PhaseAnswers } from '@/lib/participant/types';
import { MemoryStore } from './memory-store';

// The real shipped I-PANAS-SF: an instruction card, then ten items.
const panas = getInstrument('i_panas_sf', 1) as Instrument;
const me: StoredParticipant = { token: 'atp_test', participantId: 'p1', entry: 'seat:x' };

function drafts(answers: Record<string, unknown>, submitted = false): PhaseAnswers {
  return { instruments: [{ id: 'i_panas_sf', version: 1, answers, submitted }] };
}

describe('serverPhase: what /p renders before the phone has read its own copy', () => {
  it("opens at the first unanswered card, with the server's answers, writing nothing and holding no key", () => {
    const first = serverPhase([panas], drafts({}), 'en');
    expect(first).toMatchObject({ kind: 'ready', settled: false, progress: { position: 0, idempotencyKey: '', submittedAt: null } });
    // panas_upset answered: the first open item is the second one (index 2, after the instruction).
    const later = serverPhase([panas], drafts({ panas_upset: 2 }), 'en');
    expect(later).toMatchObject({ kind: 'ready', progress: { position: 2, answers: { i_panas_sf: { panas_upset: 2 } } } });
  });

  it("is submitted when the server holds every instrument's submission", () => {
    expect(serverPhase([panas], drafts({ panas_upset: 2 }, true), 'en')).toEqual({ kind: 'submitted' });
  });
});

describe("settlePhase: the server's drafts joined with this phone's copy", () => {
  it("keeps this phone's place, its Idempotency-Key and its unsent answers, which win over the drafts", () => {
    const store = new MemoryStore();
    const saved = loadProgress(store, me.participantId, 'pre');
    saveProgress(store, me.participantId, 'pre', { ...saved, position: 1, answers: { i_panas_sf: { panas_upset: 5, panas_hostile: 1 } } });
    const settled = settlePhase(me, 'pre', [panas], drafts({ panas_upset: 2, panas_alert: 3 }), 'en', store);
    expect(settled).toEqual({
      kind: 'ready',
      instruments: [panas],
      settled: true,
      progress: {
        position: 1,
        idempotencyKey: saved.idempotencyKey,
        submittedAt: null,
        answers: { i_panas_sf: { panas_upset: 5, panas_hostile: 1, panas_alert: 3 } },
      },
    });
    expect(loadProgress(store, me.participantId, 'pre')).toEqual(settled.kind === 'ready' ? settled.progress : null);
  });

  it('a phone that knew nothing opens where the drafts leave off, and keeps a new key for every retry', () => {
    const store = new MemoryStore();
    const settled = settlePhase(me, 'pre', [panas], drafts({ panas_upset: 2 }), 'en', store);
    expect(settled).toMatchObject({ kind: 'ready', progress: { position: 2 } });
    const key = settled.kind === 'ready' ? settled.progress.idempotencyKey : '';
    expect(key).toMatch(/^submit-pre-[0-9a-f]{32}$/);
    expect(loadProgress(store, me.participantId, 'pre').idempotencyKey).toBe(key);
  });

  it("offline (no drafts) carries on with this phone's copy; without instruments there is nothing to show", () => {
    const store = new MemoryStore();
    saveProgress(store, me.participantId, 'pre', {
      ...loadProgress(store, me.participantId, 'pre'),
      position: 4,
      answers: { i_panas_sf: { panas_upset: 1 } },
    });
    expect(settlePhase(me, 'pre', [panas], null, 'en', store)).toMatchObject({
      kind: 'ready',
      progress: { position: 4, answers: { i_panas_sf: { panas_upset: 1 } } },
    });
    expect(settlePhase(me, 'pre', null, null, 'en', store)).toEqual({ kind: 'unavailable' });
  });

  it('a phase the server holds as submitted is marked submitted on this phone too', () => {
    const store = new MemoryStore();
    expect(settlePhase(me, 'post', [panas], drafts({}, true), 'en', store)).toEqual({ kind: 'submitted' });
    expect(loadProgress(store, me.participantId, 'post').submittedAt).toEqual(expect.any(String));
  });
});
