import { type FormEvent, useState } from 'react';
import type { Outcome } from '@/lib/participant/http';
import type { CovariateQuestion } from '@/lib/participant/types';
import { ChoiceList } from '@/components/survey/choice-list';
import { ActionError, actionErrorText } from './action-error';
import { usePending } from './use-pending';

interface CovariatesScreenProps {
  readonly questions: readonly CovariateQuestion[];
  readonly language: string;
  readonly act: (path: string, body?: unknown) => Promise<Outcome<unknown>>;
}

/** Questions about the pair asked before allocation (e.g. "did you know your partner?"). */
export function CovariatesScreen({ questions, language, act }: CovariatesScreenProps) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<readonly string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, run] = usePending();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unanswered = questions.filter((question) => !values[question.id]).map((question) => question.id);
    setMissing(unanswered);
    if (unanswered.length > 0) return;
    void run(async () => {
      const outcome = await act('/covariates', { values });
      const issues = outcome.kind === 'problem' ? (outcome.problem.errors ?? []) : [];
      setMissing(questions.filter((question) => issues.some((issue) => issue.path.endsWith(question.id))).map((question) => question.id));
      setError(actionErrorText(outcome));
    });
  };
  return (
    <form className="p-card" aria-labelledby="covariates-title" onSubmit={submit} noValidate>
      <h1 id="covariates-title" tabIndex={-1}>
        A question before we start
      </h1>
      {questions.map((question) => {
        const invalid = missing.includes(question.id);
        const errorId = `cov-${question.id}-error`;
        return (
          <fieldset key={question.id} className="item" aria-describedby={invalid ? errorId : undefined}>
            <legend className="item-legend" lang={language}>
              <span className="item-question">{question.question}</span>
            </legend>
            <ChoiceList
              name={`cov-${question.id}`}
              invalid={invalid}
              selected={values[question.id] ?? null}
              options={question.levels.map((level) => ({
                value: level.id,
                label: (
                  <span className="choice-text" lang={language}>
                    {level.text}
                  </span>
                ),
              }))}
              onSelect={(level) => setValues((current) => ({ ...current, [question.id]: String(level) }))}
            />
            {invalid ? (
              <p id={errorId} className="item-error" role="alert">
                Please choose an answer to continue.
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <ActionError message={error} />
      <div className="p-actions">
        <button type="submit" className="button" disabled={pending}>
          Continue
        </button>
      </div>
    </form>
  );
}
