import { defineErrors } from '../common/errors/domain-error';

export const ResponseError = defineErrors('ResponseError', {
  INVALID_ANSWERS: { status: 400, title: 'Some answers are not valid' },
  UNKNOWN_INSTRUMENT: { status: 400, title: 'The answers name an instrument that is not part of this phase' },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, title: 'Submitting a phase needs an Idempotency-Key header' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, title: 'The Idempotency-Key must be 1 to 200 characters of A-Z, a-z, 0-9, _ - : .' },
  CONSENT_REQUIRED: { status: 403, title: 'Answers can be saved only after consent' },
  INSTRUMENT_NOT_IN_PHASE: { status: 404, title: 'This instrument is not part of this phase' },
  PHASE_NOT_OPEN: { status: 409, title: 'This questionnaire is not open in the current step of the session' },
  PHASE_SUBMITTED: { status: 409, title: 'This phase has already been submitted and cannot change' },
  SUBMISSION_IN_PROGRESS: { status: 409, title: 'A submission of this phase is still being processed; retry shortly' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'This Idempotency-Key was already used with a different request body' },
});

export type ResponseErrorCode = ConstructorParameters<typeof ResponseError>[0];
