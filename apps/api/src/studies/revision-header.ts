import type { FastifyReply } from 'fastify';
import { CommonErrors } from '../common/errors/common.errors';
import { parseRevision } from './draft-edits';

/** The draft revision an If-Match header names; absent header: undefined (last write wins). */
export function expectedRevision(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  const revision = parseRevision(ifMatch);
  if (revision === null) {
    throw new CommonErrors('VALIDATION_FAILED', {
      errors: [{ path: 'If-Match', code: 'INVALID_REVISION', message: 'must be the study\'s revision, e.g. "7" (its ETag)' }],
    });
  }
  return revision;
}

/** Sets the study's revision as its ETag, so HTTP clients can send it back as If-Match. */
export function withETag<T extends { revision: number }>(res: FastifyReply, study: T): T {
  res.header('ETag', `"${study.revision}"`);
  return study;
}
