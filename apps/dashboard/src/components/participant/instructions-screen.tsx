import { useState } from 'react';
import { useParticipantContext } from '@/lib/participant/participant-context';
import type { OwnSession } from '@/lib/participant/types';
import { ActionError, actionErrorText } from './action-error';
import { usePending } from './use-pending';

type Instructions = NonNullable<OwnSession['instructions']>;

function Steps({ instructions, language }: { readonly instructions: Instructions; readonly language: string }) {
  if (instructions.steps.length === 0)
    return <p data-testid="condition-instructions">No special set-up is needed for this conversation.</p>;
  return (
    <ol className="steps" data-testid="condition-instructions" lang={language}>
      {instructions.steps.map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ol>
  );
}

/** What the participants do themselves (e.g. where to sit), confirmed by each seat; the room itself is the research assistant's. */
export function InstructionsScreen({ instructions, confirmed }: { readonly instructions: Instructions; readonly confirmed: boolean }) {
  const { state, act } = useParticipantContext();
  const language = state.participant.language;
  const [pending, run] = usePending();
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="p-card" aria-labelledby="instructions-title">
      <h1 id="instructions-title" tabIndex={-1}>
        Get ready for the conversation
      </h1>
      <p>Please do this together with your partner now:</p>
      <Steps instructions={instructions} language={language} />
      <ActionError message={error} />
      {confirmed ? (
        <p className="waiting-note" role="status" aria-live="polite">
          <span className="waiting-pulse waiting-pulse-inline" aria-hidden="true" /> Thanks. Waiting for your partner to be ready too.
        </p>
      ) : (
        <div className="p-actions">
          <button
            type="button"
            className="button"
            disabled={pending}
            onClick={() => void run(async () => setError(actionErrorText(await act('/instructions/confirm'))))}
          >
            Done, I am ready
          </button>
        </div>
      )}
    </section>
  );
}
