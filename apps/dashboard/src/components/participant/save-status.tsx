import type { SaveStatus } from '@/lib/participant/answer-queue';

const TEXT: Readonly<Record<SaveStatus, string>> = {
  saved: 'All answers saved',
  saving: 'Saving…',
  offline: 'Offline: answers kept on this phone',
};

/** Always visible, announced politely: the participant should never wonder whether an answer counted. */
export function SaveStatusLine({ status }: { readonly status: SaveStatus }) {
  return (
    <p className={`save-status save-${status}`} role="status" aria-live="polite" data-testid="save-status" data-status={status}>
      <span className="save-dot" aria-hidden="true" />
      {TEXT[status]}
    </p>
  );
}
