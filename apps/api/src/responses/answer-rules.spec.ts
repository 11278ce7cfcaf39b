import { closenessSciInstrument, iosInstrument } from '@attune/survey';
import { answerIssues, scoreSubmission } from './answer-rules';

describe('answerIssues', () => {
  it('puts each survey issue under its item path, and a non-object under the prefix itself', () => {
    expect(
      answerIssues('answers.ios', [
        { itemId: 'ios', code: 'OUT_OF_RANGE' },
        { itemId: '', code: 'WRONG_TYPE' },
      ]),
    ).toEqual([
      { path: 'answers.ios.ios', code: 'OUT_OF_RANGE', message: expect.any(String) },
      { path: 'answers.ios', code: 'WRONG_TYPE', message: expect.any(String) },
    ]);
  });
});

describe('scoreSubmission', () => {
  const instruments = [closenessSciInstrument, iosInstrument];

  it('scores every instrument of the phase from the submitted answers', () => {
    const scored = scoreSubmission(instruments, { ios: { ios: 7 }, closeness_sci: { sci_relative_own: 2, sci_relative_others: 4 } });
    expect(scored.map((entry) => [entry.instrument.id, entry.answers, entry.scores])).toEqual([
      ['closeness_sci', { sci_relative_own: 2, sci_relative_others: 4 }, { sci: 3 }],
      ['ios', { ios: 7 }, { ios: 7 }],
    ]);
  });

  it('treats a missing instrument as unanswered (REQUIRED) and collects issues across instruments', () => {
    expect(() => scoreSubmission(instruments, { closeness_sci: { sci_relative_own: 9, sci_relative_others: 4 } })).toThrow(
      expect.objectContaining({
        code: 'INVALID_ANSWERS',
        errors: [
          expect.objectContaining({ path: 'answers.closeness_sci.sci_relative_own', code: 'OUT_OF_RANGE' }),
          expect.objectContaining({ path: 'answers.ios.ios', code: 'REQUIRED' }),
        ],
      }),
    );
  });

  it('rejects instrument ids that are not in the phase, including prototype names', () => {
    expect(() => scoreSubmission(instruments, JSON.parse('{"ios":{"ios":1},"closeness_sci":{},"__proto__":{},"zz":{}}'))).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_INSTRUMENT',
        errors: [expect.objectContaining({ path: 'answers.__proto__' }), expect.objectContaining({ path: 'answers.zz' })],
      }),
    );
  });
});
