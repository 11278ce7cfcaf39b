import { defineErrors } from '../common/errors/domain-error';

export const SessionError = defineErrors('SessionError', {
  INVALID_JOIN: { status: 400, title: 'Give exactly one of seatSecret, sessionCode or studyCode' },
  INVALID_COVARIATES: { status: 400, title: 'The covariate values are not valid' },
  UNKNOWN_LANGUAGE: { status: 400, title: 'The study is not offered in that language' },
  SESSION_NOT_FOUND: { status: 404, title: 'Session not found' },
  JOIN_LINK_NOT_FOUND: { status: 404, title: 'This join link or code does not exist' },
  STUDY_NOT_RUNNING: { status: 409, title: 'The study is not accepting participants' },
  SESSION_FULL: { status: 409, title: 'Every seat of this session is taken' },
  SESSION_CLOSED: { status: 409, title: 'This session has ended' },
  SEAT_TAKEN: { status: 409, title: 'This seat link has already been used' },
  SEAT_NOT_FOUND: { status: 404, title: 'The session has no such seat' },
  CONSENT_OUTDATED: { status: 409, title: 'The consent text has changed; read the current version' },
  CONSENT_ALREADY_ANSWERED: { status: 409, title: 'Consent has already been answered' },
  CONSENT_REQUIRED: { status: 409, title: 'Consent is required first' },
  LANGUAGE_LOCKED: { status: 409, title: 'The language is fixed once consent has been answered' },
  COVARIATES_ALREADY_ANSWERED: { status: 409, title: 'The questions have already been answered' },
  NOT_ALLOCATED: { status: 409, title: 'The session has not been allocated yet' },
  PARTICIPANT_LEFT: { status: 409, title: 'You have left this study' },
  ILLEGAL_TRANSITION: { status: 409, title: 'The session cannot move to that status from its current one' },
  OBSERVED_COVARIATE_LOCKED: { status: 409, title: 'A stratification covariate cannot change after allocation' },
  REJOIN_NOT_ALLOWED: { status: 409, title: 'Rejoining is not possible for this session' },
});
