import { useState } from 'react';
import { useParticipantContext } from '@/lib/participant/participant-context';
import type { ParticipantState } from '@/lib/participant/types';
import { ActionError, actionErrorText } from './action-error';
import { LanguagePicker } from './language-picker';
import { usePending } from './use-pending';

type Consent = ParticipantState['study']['consent'];

function ConsentText({ consent, language }: { readonly consent: Consent; readonly language: string }) {
  return (
    <>
      <div className="consent-text" data-testid="consent-text" lang={language}>
        {consent.text.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      <p className="muted">Consent version {consent.version}</p>
    </>
  );
}

/** Agreeing or not; the version sent is the version shown, so an updated text is refused and shown again. */
function useConsentAnswer(consent: Consent) {
  const { act } = useParticipantContext();
  const [pending, run] = usePending();
  const [error, setError] = useState<string | null>(null);
  const answer = (agree: boolean) =>
    run(async () => {
      const outcome = await act('/consent', { consentVersion: consent.version, agree });
      setError(
        outcome.kind === 'problem' && outcome.problem.code === 'CONSENT_OUTDATED'
          ? 'The consent text was just updated. Please read it again.'
          : actionErrorText(outcome),
      );
    });
  return { pending, error, setError, answer };
}

/** The study's versioned consent text; the version shown is the version agreed to. */
export function ConsentScreen() {
  const { state, switchLanguage } = useParticipantContext();
  const { consent, title, languages } = state.study;
  const { pending, error, setError, answer } = useConsentAnswer(consent);
  return (
    <section className="p-card" aria-labelledby="consent-title">
      <p className="p-eyebrow">{title}</p>
      <h1 id="consent-title" tabIndex={-1}>
        Before you start
      </h1>
      {languages.length > 1 ? (
        <LanguagePicker
          languages={languages}
          current={state.participant.language}
          onChoose={async (language) => {
            if (!(await switchLanguage(language))) setError('The language could not be changed. Please try again.');
          }}
        />
      ) : null}
      <ConsentText consent={consent} language={state.participant.language} />
      <ActionError message={error} />
      <div className="p-actions">
        <button type="button" className="button" disabled={pending} onClick={() => void answer(true)}>
          I agree to take part
        </button>
        <button type="button" className="button button-secondary" disabled={pending} onClick={() => void answer(false)}>
          I do not agree
        </button>
      </div>
    </section>
  );
}
