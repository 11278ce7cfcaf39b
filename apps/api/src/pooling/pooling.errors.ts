import { defineErrors } from '../common/errors/domain-error';

export const PoolingError = defineErrors('PoolingError', {
  INVALID_SITE_SUMMARY: { status: 400, title: 'The site summary file cannot be read' },
  PROTOCOL_MISMATCH: { status: 409, title: 'The site summary comes from a different protocol' },
  LABEL_TAKEN: { status: 409, title: 'A site summary with this label is already imported' },
  SUMMARY_NOT_FOUND: { status: 404, title: 'No such site summary' },
  UNKNOWN_OUTCOME: { status: 400, title: 'The study has no such factor or scale to pool' },
});
