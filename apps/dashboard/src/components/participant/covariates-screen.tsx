import { type FormEvent, useState } from 'react';
import { ChoiceList } from '@/components/survey/choice-list';
import { useParticipantContext } from '@/lib/participant/participant-context';
import type { CovariateQuestion } from '@/lib/participant/types';
import { ActionError, actionErrorText } from './action-error';
import { usePending } from './use-pending';

function levelOptions(question: CovariateQuestion, language: string) {
  return question.levels.map((level) => ({
    value: level.id,
    label: (
      <span className="choice-text" lang={language}>
        {level.text}
      </span>
    ),
  }));
}

function CovariateField({
  question,
  language,
  invalid,
  selected,
  onSelect,
}: {
  readonly question: CovariateQuestion;
  readonly language: string;
  readonly invalid: boolean;
  readonly selected: string | null;
  readonly onSelect: (level: string) => void;
}) {
  const errorId = `cov-${question.id}-error`;
  return (
    <fieldset className="item" aria-describedby={invalid ? errorId : undefined}>
      <legend className="item-legend" lang={language}>
        <span className="item-question">{question.question}</span>
      </legend>
      <ChoiceList
        name={`cov-${question.id}`}
        invalid={invalid}
        selected={selected}
        options={levelOptions(question, language)}
        onSelect={(level) => onSelect(String(level))}
      />
      {invalid ? (
        <p id={errorId} className="item-error" role="alert">
          Please choose an answer to continue.
        </p>
      ) : null}
    </fieldset>
  );
}

/** Every question must be answered here first; the API's refusal then marks the questions it names. */
function useCovariateAnswers(questions: readonly CovariateQuestion[]) {
  const { act } = useParticipantContext();
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
  const choose = (id: string, level: string) => setValues((current) => ({ ...current, [id]: level }));
  return { values, missing, error, pending, submit, choose };
}

/** Questions about the pair asked before allocation (e.g. "did you know your partner?"). */
export function CovariatesScreen() {
  const { state } = useParticipantContext();
  const questions = state.study.covariateQuestions;
  const { values, missing, error, pending, submit, choose } = useCovariateAnswers(questions);
  return (
    <form className="p-card" aria-labelledby="covariates-title" onSubmit={submit} noValidate>
      <h1 id="covariates-title" tabIndex={-1}>
        A question before we start
      </h1>
      {questions.map((question) => (
        <CovariateField
          key={question.id}
          question={question}
          language={state.participant.language}
          invalid={missing.includes(question.id)}
          selected={values[question.id] ?? null}
          onSelect={(level) => choose(question.id, level)}
        />
      ))}
      <ActionError message={error} />
      <div className="p-actions">
        <button type="submit" className="button" disabled={pending}>
          Continue
        </button>
      </div>
    </form>
  );
}
