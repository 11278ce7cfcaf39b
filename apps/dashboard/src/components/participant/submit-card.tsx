import type { Phase } from '@/lib/participant/types';
import type { SubmitNote } from '@/lib/participant/use-survey';

const NOTES: Readonly<Record<Exclude<SubmitNote, null>, string>> = {
  sending: 'Sending your answers…',
  offline: 'Offline: your answers are kept on this phone and will be sent as soon as the connection returns. Keep this page open.',
  retrying: 'The study server is busy. Trying again…',
  failed: 'Your answers could not be submitted. Please ask the research assistant.',
  resubmit: 'Please check your answers and submit again.',
};

/** The end of a phase: answers become final only when the server says so. */
export function SubmitCard({
  phase,
  note,
  pending,
  onSubmit,
  onBack,
}: {
  readonly phase: Phase;
  readonly note: SubmitNote;
  readonly pending: boolean;
  readonly onSubmit: () => void;
  readonly onBack: () => void;
}) {
  return (
    <div className="item submit-card">
      <p className="item-question">You have answered every question.</p>
      <p>
        {phase === 'pre'
          ? 'When you submit, the conversation can start once your partner is done too.'
          : 'When you submit, your answers are final and you get your completion code.'}
      </p>
      {note ? (
        <p className={note === 'failed' ? 'alert' : 'submit-note'} role={note === 'failed' ? 'alert' : 'status'}>
          {NOTES[note]}
        </p>
      ) : null}
      <div className="p-actions survey-nav">
        <button type="button" className="button button-secondary" disabled={pending} onClick={onBack}>
          Back
        </button>
        <button type="button" className="button button-next" disabled={pending} onClick={onSubmit} data-testid="submit-phase">
          {pending ? 'Submitting…' : 'Submit answers'}
        </button>
      </div>
    </div>
  );
}
