import { useState } from 'react';
import type { Outcome } from '@/lib/participant/http';
import type { ParticipantState } from '@/lib/participant/types';
import { ActionError, actionErrorText } from './action-error';
import { LanguagePicker } from './language-picker';
import { usePending } from './use-pending';

interface ConsentScreenProps {
  readonly state: ParticipantState;
  readonly act: (path: string, body?: unknown) => Promise<Outcome<unknown>>;
  readonly switchLanguage: (language: string) => Promise<boolean>;
}

/** The study's versioned consent text; the version shown is the version agreed to. */
export function ConsentScreen({ state, act, switchLanguage }: ConsentScreenProps) {
  const [pending, run] = usePending();
  const [error, setError] = useState<string | null>(null);
  const { consent, title } = state.study;
  const answer = (agree: boolean) =>
    run(async () => {
      const outcome = await act('/consent', { consentVersion: consent.version, agree });
      setError(
        outcome.kind === 'problem' && outcome.problem.code === 'CONSENT_OUTDATED'
          ? 'The consent text was just updated. Please read it again.'
          : actionErrorText(outcome),
      );
    });
  return (
    <section className="p-card" aria-labelledby="consent-title">
      <p className="p-eyebrow">{title}</p>
      <h1 id="consent-title" tabIndex={-1}>
        Before you start
      </h1>
      {state.study.languages.length > 1 ? (
        <LanguagePicker
          languages={state.study.languages}
          current={state.participant.language}
          onChoose={async (language) => {
            if (!(await switchLanguage(language))) setError('The language could not be changed. Please try again.');
          }}
        />
      ) : null}
      <div className="consent-text" data-testid="consent-text" lang={state.participant.language}>
        {consent.text.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      <p className="muted">Consent version {consent.version}</p>
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
