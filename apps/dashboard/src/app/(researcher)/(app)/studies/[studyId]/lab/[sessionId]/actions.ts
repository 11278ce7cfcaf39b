'use server';

import { revalidatePath } from 'next/cache';
import { endConversation, startConversation } from '@/lib/api/lab-sessions';

export interface ConsoleActionState {
  readonly error: string | null;
}

function outcome(studyId: string, sessionId: string, result: Awaited<ReturnType<typeof startConversation>>): ConsoleActionState {
  revalidatePath(`/studies/${studyId}/lab/${sessionId}`);
  if (result.ok) return { error: null };
  return { error: result.problem.detail ?? result.problem.title };
}

/** The research assistant starts the shared timer once the room is set and the phones are away. */
export async function startAction(studyId: string, sessionId: string, _previous: ConsoleActionState): Promise<ConsoleActionState> {
  return outcome(studyId, sessionId, await startConversation(studyId, sessionId));
}

/** Ends the conversation now (at the signal, or early); every phone moves on to the post-survey. */
export async function endAction(studyId: string, sessionId: string, _previous: ConsoleActionState): Promise<ConsoleActionState> {
  return outcome(studyId, sessionId, await endConversation(studyId, sessionId));
}
