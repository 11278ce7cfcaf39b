import { defineErrors } from '../common/errors/domain-error';

export const WithdrawalError = defineErrors('WithdrawalError', {
  WITHDRAWAL_CODE_MALFORMED: { status: 400, title: 'This is not a withdrawal code: check it for typos' },
  SEAT_NOT_FOUND: { status: 404, title: 'No participant sat in that seat of that session' },
  SESSION_IN_PROGRESS: { status: 409, title: 'The session is still running: end it before recording a withdrawal' },
  NEVER_CONSENTED: { status: 409, title: 'This participant never consented, so there is nothing to withdraw' },
  ALREADY_WITHDRAWN: { status: 409, title: 'This participant has already withdrawn' },
  WITHDRAWAL_DEADLINE_PASSED: { status: 409, title: 'The period for withdrawing from this study has ended' },
});
