import { attentionCheckResults, manipulationCheckResults } from './check-results';
import { validateAnswers } from './validate-answers';
import { sampler, samplerAnswers } from './test-support/sampler';

describe('attentionCheckResults', () => {
  it.each([
    ['strongly_disagree', true],
    ['agree', false],
    ['strongly_agree', false],
    [null, null],
    ['not an option', null],
    [3, null],
  ])('attn = %p → %p', (attn, passed) => {
    expect(attentionCheckResults(sampler, { ...samplerAnswers, attn })).toEqual({ attn: passed });
  });

  it('a failed check is data, not a validation error', () => {
    const answers = { ...samplerAnswers, attn: 'agree' };
    expect(validateAnswers(sampler, answers)).toEqual([]);
    expect(attentionCheckResults(sampler, answers)).toEqual({ attn: false });
  });

  it('survives malformed answers', () => {
    expect(attentionCheckResults(sampler, 'nonsense')).toEqual({ attn: null });
  });
});

describe('manipulationCheckResults', () => {
  it.each([
    ['yes', { phone: 'present' }, true],
    ['no', { phone: 'present' }, false],
    ['no', { phone: 'absent' }, true],
    ['yes', { phone: 'absent' }, false],
    ['yes', { seating: 'side_by_side' }, null],
    ['yes', { phone: 'unknown_level' }, null],
    ['yes', { phone: 'constructor' }, null],
    [null, { phone: 'present' }, null],
  ])('phone_seen = %p in %p → %p', (answer, levels, passed) => {
    expect(manipulationCheckResults(sampler, { ...samplerAnswers, phone_seen: answer }, levels)).toEqual({
      phone_seen: passed,
    });
  });
});
