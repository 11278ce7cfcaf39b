import { defineErrors } from '../common/errors/domain-error';

export const RetentionError = defineErrors('RetentionError', {
  STUDY_NOT_FOUND: { status: 404, title: 'Study not found' },
  STUDY_NOT_CLOSED: { status: 409, title: "Only a closed study's participant data can be purged" },
});
