import { defineErrors } from '../common/errors/domain-error';

export const SiteError = defineErrors('SiteError', {
  SITE_NOT_FOUND: { status: 404, title: 'The study has no such site' },
  INVALID_SITE: { status: 400, title: 'The site is not valid' },
  SITE_CODE_TAKEN: { status: 409, title: 'The study already has a site with this code' },
  SITE_CODE_LOCKED: { status: 409, title: "A site's code cannot change once a session uses it" },
  STUDY_CLOSED: { status: 409, title: 'A closed study takes no new sites' },
});
