import { SESSION_STATUSES, type SessionStatus } from './session.entity';
import { afterDeparture, afterInstructions, afterPhase, canRejoin, canTransition, phaseOf, SESSION_TRANSITIONS } from './session-state';

describe('session state machine', () => {
  const legal: Array<[SessionStatus, SessionStatus]> = [
    ['forming', 'allocated'],
    ['forming', 'abandoned'],
    ['allocated', 'pre_survey'],
    ['allocated', 'conversation'],
    ['allocated', 'ended_early'],
    ['allocated', 'abandoned'],
    ['pre_survey', 'conversation'],
    ['pre_survey', 'ended_early'],
    ['pre_survey', 'abandoned'],
    ['conversation', 'post_survey'],
    ['conversation', 'ended_early'],
    ['conversation', 'abandoned'],
    ['post_survey', 'complete'],
    ['post_survey', 'abandoned'],
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
    expect(SESSION_TRANSITIONS.ended_early).toEqual([]);
    for (const from of SESSION_STATUSES) expect(canTransition(from, 'forming')).toBe(false);
  });

  it.each([
    ['pre_survey', 'pre'],
    ['post_survey', 'post'],
    ['forming', null],
    ['allocated', null],
    ['conversation', null],
    ['complete', null],
  ] as const)('phase of %s is %s', (status, phase) => {
    expect(phaseOf(status)).toBe(phase);
  });

  it('skips the pre-survey when the design has none, and ends the post-survey with completion', () => {
    expect(afterInstructions(0)).toBe('conversation');
    expect(afterInstructions(2)).toBe('pre_survey');
    expect(afterPhase('pre')).toBe('conversation');
    expect(afterPhase('post')).toBe('complete');
  });

  it('lets a member left alone rejoin only under reform_remaining, from a session that ended early while allocated, before acting on the instructions', () => {
    const session = { status: 'ended_early' as const, conditionId: 'phone=present' };
    const member = { status: 'consented', leftAt: null, instructionsConfirmedAt: null };
    expect(canRejoin('reform_remaining', member, session)).toBe(true);
    expect(canRejoin('keep_as_randomised', member, session)).toBe(false);
    expect(canRejoin('reform_remaining', { ...member, status: 'left' }, session)).toBe(false);
    expect(canRejoin('reform_remaining', { ...member, leftAt: new Date() }, session)).toBe(false);
    expect(canRejoin('reform_remaining', { ...member, instructionsConfirmedAt: new Date() }, session)).toBe(false);
    for (const status of ['allocated', 'pre_survey', 'conversation', 'post_survey', 'complete', 'abandoned'] as const) {
      expect(canRejoin('reform_remaining', member, { ...session, status })).toBe(false);
    }
    expect(canRejoin('reform_remaining', member, { status: 'forming', conditionId: null })).toBe(false);
    expect(canRejoin('reform_remaining', member, null)).toBe(false);
  });

  it('ends a session early when a departure leaves one member before the conversation has ended, and only then', () => {
    for (const status of ['allocated', 'pre_survey', 'conversation'] as const) {
      expect(afterDeparture(status, 1)).toBe('end_early');
      expect(afterDeparture(status, 0)).toBe('end_early');
      expect(afterDeparture(status, 2)).toBe('continue');
    }
    expect(afterDeparture('post_survey', 1)).toBe('continue');
  });
});
