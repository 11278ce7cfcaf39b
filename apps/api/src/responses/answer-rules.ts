import { type Instrument, type Scores, scoreAnswers, type ValidationCode, type ValidationIssue, validateAnswers } from '@attune/survey';
import type { FieldIssue } from '../common/errors/domain-error';
import { ResponseError } from './responses.errors';

// The codes are the survey library's, so the phone and the API agree; the messages never echo a value.
const MESSAGES: Readonly<Record<ValidationCode, string>> = {
  REQUIRED: 'An answer is required',
  OUT_OF_RANGE: 'The answer is outside the allowed range',
  NOT_AN_OPTION: 'The answer is not one of the options',
  NOT_AN_INTEGER: 'The answer must be a whole number',
  TOO_LONG: 'The answer is too long',
  UNKNOWN_ITEM: 'There is no such item in this instrument',
  WRONG_TYPE: 'The answer has the wrong type for this item',
};

/** Survey issues as problem+json field issues under `prefix` (e.g. `answers.ios`). */
export function answerIssues(prefix: string, issues: readonly ValidationIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.itemId === '' ? prefix : `${prefix}.${issue.itemId}`,
    code: issue.code,
    message: MESSAGES[issue.code],
  }));
}

export interface ScoredResponse {
  readonly instrument: Instrument;
  readonly answers: Readonly<Record<string, unknown>>;
  readonly scores: Scores;
}

function ownRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The final answers of a phase: `answers` maps instrument id → item answers and is the whole
 * truth (nothing is merged from autosaved drafts). Every instrument of the phase is validated
 * in full, so one missing instrument shows up as REQUIRED items; nothing is stored unless all pass.
 */
export function scoreSubmission(instruments: readonly Instrument[], answers: unknown): ScoredResponse[] {
  const given = ownRecord(answers);
  const known = new Set(instruments.map((instrument) => instrument.id));
  const unknown = Object.keys(given)
    .filter((id) => !known.has(id))
    .sort();
  if (unknown.length > 0) {
    throw new ResponseError('UNKNOWN_INSTRUMENT', {
      errors: unknown.map((id) => ({
        path: `answers.${id}`,
        code: 'UNKNOWN_INSTRUMENT',
        message: 'This instrument is not part of this phase',
      })),
    });
  }
  const answered = instruments.map((instrument) => ({
    instrument,
    answers: Object.hasOwn(given, instrument.id) ? given[instrument.id] : {},
  }));
  const issues = answered.flatMap(({ instrument, answers: value }) =>
    answerIssues(`answers.${instrument.id}`, validateAnswers(instrument, value, { partial: false })),
  );
  if (issues.length > 0) throw new ResponseError('INVALID_ANSWERS', { errors: issues });
  return answered.map(({ instrument, answers: value }) => ({
    instrument,
    answers: ownRecord(value),
    scores: scoreAnswers(instrument, value),
  }));
}
