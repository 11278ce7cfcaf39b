import { SESSION_STATUSES, type SessionStatus } from './session.entity';
import { afterInstructions, afterPhase, canRejoin, canTransition, phaseOf, SESSION_TRANSITIONS } from './session-state';

describe('session state machine', () => {
  const legal: Array<[SessionStatus, SessionStatus]> = [
    ['forming', 'allocated'], ['forming', 'abandoned'],
    ['allocated', 'pre_survey'], ['allocated', 'conversation'], ['allocated', 'abandoned'],
    ['pre_survey', 'conversation'], ['pre_survey', 'abandoned'],
    ['conversation', 'post_survey'], ['conversation', 'abandoned'],
    ['post_survey', 'complete'], ['post_survey', 'abandoned'],
  ];

  it('allows exactly the listed transitions', () => {
    for (const from of SESSION_STATUSES) {
      for (const to of SESSION_STATUSES) {
        const expected = legal.some(([a, b]) => a === from && b === to);
        expect([from, to, canTransition(from, to)]).toEqual([from, to, expected]);
      }
    }
  });

  it('has final states and never goes back to forming', () => {
    expect(SESSION_TRANSITIONS.complete).toEqual([]);
    expect(SESSION_TRANSITIONS.abandoned).toEqual([]);
    for (const from of SESSION_STATUSES) expect(canTransition(from, 'forming')).toBe(false);
  });

  it.each([
    ['pre_survey', 'pre'], ['post_survey', 'post'], ['forming', null], ['allocated', null], ['conversation', null], ['complete', null],
  ] as const)('phase of %s is %s', (status, phase) => {
    expect(phaseOf(status)).toBe(phase);
  });

  it('skips the pre-survey when the design has none, and ends the post-survey with completion', () => {
    expect(afterInstructions(0)).toBe('conversation');
    expect(afterInstructions(2)).toBe('pre_survey');
    expect(afterPhase('pre')).toBe('conversation');
    expect(afterPhase('post')).toBe('complete');
  });

  it('lets a remaining member rejoin only under reform_remaining, after allocation, while the session is unfinished', () => {
    const session = { status: 'pre_survey' as const, conditionId: 'phone=present', incomplete: true };
    const member = { status: 'consented' };
    expect(canRejoin('reform_remaining', member, session)).toBe(true);
    expect(canRejoin('keep_as_randomised', member, session)).toBe(false);
    expect(canRejoin('reform_remaining', { status: 'left' }, session)).toBe(false);
    expect(canRejoin('reform_remaining', member, { ...session, incomplete: false })).toBe(false);
    expect(canRejoin('reform_remaining', member, { ...session, status: 'complete' })).toBe(false);
    expect(canRejoin('reform_remaining', member, { status: 'forming', conditionId: null, incomplete: true })).toBe(false);
    expect(canRejoin('reform_remaining', member, null)).toBe(false);
  });
});
