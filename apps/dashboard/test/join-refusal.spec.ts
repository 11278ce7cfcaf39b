import { joinRefusal } from '../src/lib/participant/join';

describe('joinRefusal: what a refused join tells the participant', () => {
  it.each([
    ['JOIN_LINK_NOT_FOUND', 'not-found'],
    ['STUDY_NOT_RUNNING', 'not-running'],
    ['SESSION_FULL', 'full'],
    ['SEAT_TAKEN', 'full'],
    ['SESSION_CLOSED', 'closed'],
    ['RATE_LIMITED', 'busy'],
    ['VALIDATION_FAILED', 'invalid'],
  ])('%s → %s', (code, refusal) => {
    expect(joinRefusal(code)).toBe(refusal);
  });
});
