import { useState } from 'react';
import { usePending } from './use-pending';

/** Leaving needs a second tap: an accidental tap should not cost the partner their session. */
export function LeaveButton({ onLeave }: { readonly onLeave: () => Promise<unknown> }) {
  const [asking, setAsking] = useState(false);
  const [pending, run] = usePending();
  if (!asking) {
    return (
      <button type="button" className="button button-secondary button-small" onClick={() => setAsking(true)}>
        Leave the study
      </button>
    );
  }
  return (
    <div className="leave-confirm" role="group" aria-labelledby="leave-question">
      <p id="leave-question">Leave the study? Your partner will continue without you.</p>
      <div className="p-actions">
        <button
          type="button"
          className="button button-small"
          disabled={pending}
          onClick={() =>
            void run(async () => {
              await onLeave();
            })
          }
        >
          Yes, leave
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => setAsking(false)}>
          Stay
        </button>
      </div>
    </div>
  );
}
