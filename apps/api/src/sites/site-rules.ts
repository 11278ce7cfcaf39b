import type { FieldIssue } from '../common/errors/domain-error';

/** A site code: in stratum keys (`site=<code>`), exports and query options. */
export const SITE_CODE_PATTERN = /^[a-z0-9_-]{1,20}$/;

/** The `site` query option of results, flow, enrolment and exports, documented once. */
export const SITE_OPTION = {
  type: String,
  example: 'essex',
  pattern: '^[a-z0-9_-]{1,20}$',
  description:
    "A site code (GET …/sites): only that site's sessions; default every site, pooled. A site-limited researcher always gets their own site, and another site's code is 404 `SITE_NOT_FOUND`",
} as const;

/** The code of the primary site every study gets; its sessions keep their pre-site stratum keys. */
export const PRIMARY_SITE_CODE = 'main';

export interface SiteFields {
  readonly code?: string;
  readonly language?: string | null;
}

/** What the design must allow: a site's default language is one the study is offered in. */
export function checkSiteFields(fields: SiteFields, languages: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (fields.code !== undefined && !SITE_CODE_PATTERN.test(fields.code)) {
    issues.push({ path: 'code', code: 'INVALID_CODE', message: 'must be 1-20 of a-z, 0-9, _ and -' });
  }
  if (fields.language !== undefined && fields.language !== null && !languages.includes(fields.language)) {
    issues.push({ path: 'language', code: 'UNKNOWN_LANGUAGE', message: `must be one of the study's languages: ${languages.join(', ')}` });
  }
  return issues;
}
