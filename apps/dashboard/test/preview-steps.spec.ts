import { conditionsOf, pickCondition, pickLanguage, type Design } from '@/lib/preview/conditions';
import { design } from './preview-fixture';
import { freshClock } from '@/lib/preview/journey-states';
import { type PreviewMode, previewSteps, SAMPLE_WITHDRAWAL_CODE, type PreviewPlan } from '@/lib/preview/preview-steps';

function plan(conditionId?: string, language?: string, d: Design = design(), mode: PreviewMode = 'lab'): PreviewPlan {
  const result = previewSteps(d, conditionId, language, { title: 'A study', mode });
  if (!result) throw new Error('no plan');
  return result;
}

function screenKinds(p: PreviewPlan): string[] {
  return p.steps.map((step) => (step.view.kind === 'screen' ? step.view.screen.kind : `${step.view.kind}:${step.view.phase}`));
}

describe("conditionsOf: the cells of the factorial design in the API's canonical order", () => {
  it('varies the first factor slowest, with canonical ids', () => {
    expect(conditionsOf(design()).map((c) => c.id)).toEqual([
      'phone=present|seating=face_to_face',
      'phone=present|seating=side_by_side',
      'phone=absent|seating=face_to_face',
      'phone=absent|seating=side_by_side',
    ]);
    expect(conditionsOf(design())[1]?.label).toBe('Phone present × Side by side');
  });
  it('has no conditions without factors, and picks the first for an unknown id', () => {
    expect(conditionsOf(design({ factors: [] }))).toEqual([]);
    expect(pickCondition(conditionsOf(design()), 'phone=nope')?.id).toBe('phone=present|seating=face_to_face');
  });
  it('picks an offered language or the first', () => {
    expect(pickLanguage(design(), 'de')).toBe('de');
    expect(pickLanguage(design(), 'fr')).toBe('en');
    expect(pickLanguage(design(), undefined)).toBe('en');
  });
});

describe('previewSteps: the whole lab journey of one seat, without a participant', () => {
  it('walks consent → covariates → waiting → instructions → pre cards → phones away → post cards → completion', () => {
    const kinds = screenKinds(plan());
    expect(kinds[0]).toBe('consent');
    expect(kinds.slice(1, 4)).toEqual(['covariates', 'waiting-partner', 'instructions']);
    const preCards = kinds.filter((kind) => kind === 'card:pre').length;
    expect(preCards).toBeGreaterThan(0);
    expect(kinds.indexOf('submit:pre')).toBe(4 + preCards);
    expect(kinds[kinds.indexOf('submit:pre') + 1]).toBe('phones-away');
    expect(kinds.filter((kind) => kind === 'card:post').length).toBeGreaterThan(preCards);
    expect(kinds.slice(-2)).toEqual(['submit:post', 'complete']);
    expect(new Set(plan().steps.map((step) => step.id)).size).toBe(kinds.length);
  });

  it("gives each condition its own levels' instructions and topics, never the level names", () => {
    const instructionsOf = (p: PreviewPlan) => p.steps.find((step) => step.id === 'instructions')?.view;
    const side = instructionsOf(plan('phone=absent|seating=side_by_side'));
    const face = instructionsOf(plan('phone=present|seating=face_to_face'));
    expect(side?.kind === 'screen' && side.state.session?.instructions).toEqual({
      steps: ['Sit next to each other.'],
      topics: ['Talk about trees.'],
      conversation: 'Talk until the time is up.',
    });
    expect(face?.kind === 'screen' && face.state.session?.instructions).toEqual({
      steps: ['Sit facing each other.'],
      topics: [],
      conversation: 'Talk until the time is up.',
    });
    expect(JSON.stringify(side)).not.toContain('side_by_side');
  });

  it('shows the chosen language and lists each text that falls back to the first language', () => {
    const de = plan('phone=absent|seating=side_by_side', 'de');
    const consent = de.steps[0]?.view;
    expect(consent?.kind === 'screen' && consent.state.study.consent).toEqual({ version: '3', text: 'Sie sind eingeladen.' });
    expect(consent?.kind === 'screen' && consent.state.participant.language).toBe('de');
    expect(de.fallbacks).toEqual(
      expect.arrayContaining(['Instructions of Seating: Side by side (shown in en)', 'Topic of Seating: Side by side (shown in en)']),
    );
    expect(plan('phone=absent|seating=face_to_face', 'de').fallbacks.filter((text) => text.startsWith('Instructions'))).toEqual([]);
    expect(plan(undefined, 'en').fallbacks).toEqual([]);
  });

  it('asks only participant covariates (partner questions too: a lab seat sits with its partner)', () => {
    const step = plan().steps.find((s) => s.id === 'covariates')?.view;
    expect(step?.kind === 'screen' && step.state.study.covariateQuestions).toEqual([
      {
        id: 'acquainted',
        question: 'Did you know your partner?',
        levels: [
          { id: 'strangers', text: 'No' },
          { id: 'acquainted', text: 'Yes' },
        ],
      },
    ]);
  });

  it('skips covariates and waiting when there are none and the session is one person', () => {
    const kinds = screenKinds(plan(undefined, undefined, design({ covariates: [], sessionSize: 1 })));
    expect(kinds.slice(0, 2)).toEqual(['consent', 'instructions']);
  });

  it("ends with the design's completion and a sample withdrawal code", () => {
    const last = plan().steps.at(-1)?.view;
    expect(last?.kind === 'screen' && last.state.completion).toEqual({ kind: 'code', code: 'ATTUNE-PS' });
    expect(last?.kind === 'screen' && last.state.withdrawal).toEqual({ code: SAMPLE_WITHDRAWAL_CODE, daysAfterClose: 30, deadline: null });
  });

  it('names instrument versions this build does not ship, and leaves them out', () => {
    const p = plan(undefined, undefined, design({ instruments: { pre: [{ id: 'ios', version: 99 }], post: [] } }));
    expect(p.unknownInstruments).toEqual(['ios v99']);
    expect(screenKinds(p).some((kind) => kind.startsWith('card') || kind.startsWith('submit'))).toBe(false);
  });

  it('has no plan for a design without factors', () => {
    expect(previewSteps(design({ factors: [] }), undefined, undefined)).toBeNull();
  });

  it("walks an online session: own questions, the waiting room, then the partner questions, and the phone's timer", () => {
    const online = plan(
      undefined,
      undefined,
      design({
        covariates: [
          ...design().covariates,
          { id: 'age_band', label: 'Age', source: 'participant', question: { en: 'Your age?' }, levels: [{ id: 'young', label: 'Young' }] },
        ],
      }),
      'online',
    );
    const kinds = screenKinds(online);
    expect(kinds.slice(0, 5)).toEqual(['consent', 'covariates', 'waiting-room', 'covariates', 'instructions']);
    expect(kinds).toContain('conversation');
    expect(kinds).not.toContain('phones-away');
    const asked = (id: string) => {
      const view = online.steps.find((step) => step.id === id)?.view;
      return view?.kind === 'screen' ? view.state.study.covariateQuestions.map((q) => q.id) : null;
    };
    expect(asked('covariates')).toEqual(['age_band']);
    expect(asked('partnerQuestions')).toEqual(['acquainted']);
    const talk = online.steps.find((step) => step.id === 'conversation')?.view;
    expect(talk?.kind === 'screen' && talk.state.session?.timedBy).toBe('phone');
    expect(talk?.kind === 'screen' && talk.state.session?.conversation?.durationSeconds).toBe(600);
  });

  it('starts the online timer when the step is shown', () => {
    const talk = plan(undefined, undefined, design(), 'online').steps.find((step) => step.id === 'conversation')?.view;
    if (talk?.kind !== 'screen') throw new Error('no conversation step');
    const now = Date.parse('2026-12-03T14:00:00.000Z');
    expect(freshClock(talk.state, now).session?.conversation).toEqual({
      durationSeconds: 600,
      startedAt: '2026-12-03T14:00:00.000Z',
      serverNow: '2026-12-03T14:00:00.000Z',
      endsAt: '2026-12-03T14:10:00.000Z',
    });
    const lab = plan().steps.find((step) => step.id === 'conversation')?.view;
    expect(lab?.kind === 'screen' && lab.state.session?.conversation).toBeNull();
  });
});
