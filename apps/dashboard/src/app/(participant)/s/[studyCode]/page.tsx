import type { Metadata } from 'next';
import { ParticipantApp } from '@/components/participant/participant-app';
import type { ExternalIds } from '@/lib/participant/types';

export const metadata: Metadata = { title: 'Join the study' };

type Search = Record<string, string | string[] | undefined>;

// The API's format for recruitment-platform ids; a malformed one is dropped rather than failing the join.
const EXTERNAL_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EXTERNAL_KEYS = ['PROLIFIC_PID', 'STUDY_ID', 'SESSION_ID'] as const;

function externalIds(search: Search): ExternalIds {
  const ids: Record<string, string> = {};
  for (const key of EXTERNAL_KEYS) {
    const value = search[key];
    if (typeof value === 'string' && EXTERNAL_ID.test(value)) ids[key] = value;
  }
  return ids;
}

/** The online study link, e.g. from Prolific with ?PROLIFIC_PID=…&STUDY_ID=…&SESSION_ID=…. */
export default async function StudyLinkPage({
  params,
  searchParams,
}: {
  readonly params: Promise<{ studyCode: string }>;
  readonly searchParams: Promise<Search>;
}) {
  const [{ studyCode }, search] = await Promise.all([params, searchParams]);
  return (
    <main id="main" className="participant">
      <ParticipantApp entry={{ kind: 'study', code: decodeURIComponent(studyCode).slice(0, 20), externalIds: externalIds(search) }} />
    </main>
  );
}
