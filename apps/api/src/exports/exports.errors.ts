import { defineErrors } from '../common/errors/domain-error';

export const ExportError = defineErrors('ExportError', {
  UNKNOWN_EXPORT_FILE: { status: 404, title: 'No such export file' },
  NO_PROTOCOL: {
    status: 404,
    title: 'No frozen protocol matches: the study is not launched, or the protocol versions asked for do not exist',
  },
});
