import { createHmac } from 'node:crypto';

/**
 * The key that makes one recruitment-platform participant one row per study: HMAC-SHA-256 of the
 * study and Prolific's PID under PSEUDONYM_SECRET, so the PID itself never serves as a lookup key
 * and the same PID in two studies gives unrelated keys. Null without a PID.
 */
export function externalKeyOf(secret: string, studyId: string, externalIds: Readonly<Record<string, string>>): string | null {
  const pid = externalIds['PROLIFIC_PID'];
  if (pid === undefined || pid === '') return null;
  return createHmac('sha256', secret).update(`prolific:${studyId}:${pid}`, 'utf8').digest('hex');
}
