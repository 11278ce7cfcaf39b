import { type APIRequestContext, expect } from '@playwright/test';
import type { LabSession, Researcher } from './researcher';

async function ok(response: Awaited<ReturnType<APIRequestContext['post']>>, what: string): Promise<void> {
  expect(response.ok(), `${what} → ${response.status()} ${await response.text()}`).toBe(true);
}

/**
 * A lab dyad run to completion over HTTP, as two phones and the research assistant would: for
 * journeys about what researchers see, not about the phones (those have their own journeys).
 * The study asks IOS v2 before and after; `closeness` picks each member's answers.
 */
export async function completedDyad(
  http: APIRequestContext,
  researcher: Researcher,
  studyId: string,
  closeness: readonly [number, number, number, number],
): Promise<LabSession> {
  const session = await researcher.labSession(studyId);
  const tokens: string[] = [];
  for (const seat of session.seats) {
    const joined = await http.post('/api/participant/join', { data: { seatSecret: seat.joinPath.replace('/join/seat/', '') } });
    await ok(joined, 'join');
    tokens.push(((await joined.json()) as { token: string }).token);
  }
  const as = (token: string) => ({ headers: { 'X-Participant-Token': token } });
  for (const token of tokens) {
    await ok(await http.post('/api/participant/consent', { ...as(token), data: { consentVersion: '1', agree: true } }), 'consent');
    await ok(await http.post('/api/participant/covariates', { ...as(token), data: { values: { acquainted: 'strangers' } } }), 'covariates');
  }
  for (const token of tokens) await ok(await http.post('/api/participant/instructions/confirm', as(token)), 'confirm');
  for (const [i, token] of tokens.entries()) {
    await ok(
      await http.post('/api/participant/phases/pre/submit', {
        headers: { ...as(token).headers, 'Idempotency-Key': `pre-${token.slice(-12)}` },
        data: { answers: { ios: { ios: closeness[i] } } },
      }),
      'pre',
    );
  }
  await researcher.call('POST', `/studies/${studyId}/sessions/${session.id}/start-conversation`);
  await researcher.endConversation(studyId, session.id);
  for (const [i, token] of tokens.entries()) {
    await ok(
      await http.post('/api/participant/phases/post/submit', {
        headers: { ...as(token).headers, 'Idempotency-Key': `post-${token.slice(-12)}` },
        data: { answers: { ios: { ios: closeness[i + 2] } } },
      }),
      'post',
    );
  }
  return session;
}
