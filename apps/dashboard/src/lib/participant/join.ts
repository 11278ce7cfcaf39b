import type { Outcome } from './http';
import { type JoinRequest, postJoin } from './participant-api';
import type { Entry, JoinResponse } from './types';

function joinBody(entry: Entry): JoinRequest {
  switch (entry.kind) {
    case 'seat':
      return { seatSecret: entry.secret };
    case 'code':
      return { sessionCode: entry.code.trim() };
    case 'study': {
      const externalIds = Object.fromEntries(
        Object.entries(entry.externalIds).filter(([, value]) => typeof value === 'string' && value !== ''),
      );
      return { studyCode: entry.code, ...(Object.keys(externalIds).length > 0 ? { externalIds } : {}) };
    }
  }
}

/** The phone's own language ('de' from 'de-CH'), offered first; the API knows the study's languages. */
function phoneLanguage(): string | undefined {
  const primary = typeof navigator === 'undefined' ? '' : ((navigator.language || '').split('-')[0]?.toLowerCase() ?? '');
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/**
 * POST /api/participant/join from the phone itself, so the token never passes through a server log
 * or URL. It asks for the phone's language, and falls back to the study's default when the study
 * is not offered in it (the picker before consent can still change it).
 */
export async function joinStudy(entry: Entry): Promise<Outcome<JoinResponse>> {
  const wanted = phoneLanguage();
  const first = await postJoin({ ...joinBody(entry), ...(wanted ? { language: wanted } : {}) });
  if (wanted && first.kind === 'problem' && first.problem.code === 'UNKNOWN_LANGUAGE') {
    return postJoin(joinBody(entry));
  }
  return first;
}

/** Friendly outcomes of a refused join, by the API's error code. */
export type JoinRefusal = 'not-found' | 'not-running' | 'full' | 'closed' | 'busy' | 'invalid';

export function joinRefusal(code: string): JoinRefusal {
  switch (code) {
    case 'JOIN_LINK_NOT_FOUND':
      return 'not-found';
    case 'STUDY_NOT_RUNNING':
      return 'not-running';
    case 'SESSION_FULL':
    case 'SEAT_TAKEN':
      return 'full';
    case 'SESSION_CLOSED':
      return 'closed';
    case 'RATE_LIMITED':
      // Many phones joining from one network (a lab): the link is fine, the phone should wait.
      return 'busy';
    default:
      // Malformed codes and links (400) read the same as unknown ones to the participant.
      return 'invalid';
  }
}
