import { completedSession, type LabSession } from '@attune/api-client';
import { type Researcher, webUrl } from './researcher';

/**
 * A lab dyad run to completion over HTTP, as two phones and the research assistant would: for
 * journeys about what researchers see, not about the phones (those have their own journeys).
 * The study asks IOS v2 before and after; `closeness` picks each member's answers (pre, pre, post, post).
 */
export async function completedDyad(
  researcher: Researcher,
  studyId: string,
  closeness: readonly [number, number, number, number],
): Promise<LabSession> {
  const answer = (phase: 'pre' | 'post', seat: number) => ({ ios: { ios: closeness[phase === 'pre' ? seat : seat + 2] } });
  const { session } = await completedSession(researcher.api, webUrl(), studyId, answer);
  return session;
}
