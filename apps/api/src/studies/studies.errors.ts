import { defineErrors } from '../common/errors/domain-error';

export const StudyError = defineErrors('StudyError', {
  STUDY_NOT_FOUND: { status: 404, title: 'Study not found' },
  ROLE_REQUIRED: { status: 403, title: 'Your role in this study does not allow this' },
  INVALID_DESIGN: { status: 400, title: 'The study design is not valid' },
  UNKNOWN_TEMPLATE: { status: 400, title: 'No such study template' },
  STUDY_LAUNCHED: { status: 409, title: 'A launched study cannot be edited; amend its protocol instead' },
  ILLEGAL_STATUS_CHANGE: { status: 409, title: 'The study cannot move to that status from its current one' },
  EDIT_CONFLICT: { status: 409, title: 'Someone else saved this draft after the version you edited' },
  MEMBER_NOT_FOUND: { status: 404, title: 'No such member of this study' },
  LAST_OWNER: { status: 409, title: 'A study needs at least one owner' },
  SITE_LIMIT_ROLE: { status: 400, title: 'Only researchers can be limited to a site; owners and analysts see every site' },
  UNKNOWN_SITE: { status: 400, title: 'The study has no such site' },
  NOT_LAUNCHED: { status: 409, title: 'A draft has no protocol yet; launch it first' },
  PROTOCOL_NOT_FOUND: { status: 404, title: 'The study has no protocol of that version' },
  INVALID_PROTOCOL_FILE: { status: 400, title: 'The protocol file cannot be imported here' },
  SEED_NOT_REVEALED: { status: 409, title: 'The allocation seed is revealed only when the study closes' },
});
