'use client';

import type { AnswerValue } from '@attune/survey';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { ParticipantScreen } from '@/components/participant/participant-screen';
import type { Outcome } from '@/lib/participant/http';
import type { StoredParticipant } from '@/lib/participant/participant-store';
import { buildCards, type Card } from '@/lib/participant/survey-cards';
import { type PhaseAnswerMap, withAnswer } from '@/lib/participant/survey-store';
import type { Screen } from '@/lib/participant/screen';
import type { ParticipantState, Phase } from '@/lib/participant/types';
import { freshClock } from '@/lib/preview/journey-states';
import type { PreviewPlan, PreviewStep } from '@/lib/preview/preview-steps';
import { PreviewSubmit, PreviewSurveyCard } from './preview-card';

// The participant screens need someone to be; no token means nothing here can reach the API as a participant.
const NOBODY: StoredParticipant = { token: '', participantId: 'preview', entry: 'preview' };
const OK: Outcome<unknown> = { kind: 'ok', status: 200, data: null };
const nothing = async () => {};

function isRefusal(path: string, body: unknown): boolean {
  const declined = path === '/consent' && typeof body === 'object' && body !== null && (body as { agree?: unknown }).agree === false;
  return declined || path === '/leave';
}

function useAnswers() {
  const [answers, setAnswers] = useState<Record<Phase, PhaseAnswerMap>>({ pre: {}, post: {} });
  const answer = useCallback((phase: Phase, card: Card, value: AnswerValue | null) => {
    setAnswers((current) => ({ ...current, [phase]: withAnswer(current[phase], card.instrument.id, card.item.id, value) }));
  }, []);
  return [answers, answer] as const;
}

/** A journey screen; an online conversation's timer starts when the step is shown (the frame remounts per step). */
function ScreenStep({
  screen,
  state,
  act,
  switchLanguage,
}: {
  readonly screen: Screen;
  readonly state: ParticipantState;
  readonly act: (path: string, body?: unknown) => Promise<Outcome<unknown>>;
  readonly switchLanguage: (language: string) => Promise<boolean>;
}) {
  const [shown] = useState(() => (screen.kind === 'conversation' ? freshClock(state, Date.now()) : state));
  return (
    <ParticipantScreen
      screen={screen}
      state={shown}
      me={NOBODY}
      offsetMs={0}
      queue={null}
      preloaded={null}
      act={act}
      refresh={nothing}
      onSubmitted={nothing}
      onRejoin={nothing}
      switchLanguage={switchLanguage}
    />
  );
}

interface StepViewProps {
  readonly plan: PreviewPlan;
  readonly step: PreviewStep;
  readonly cards: Readonly<Record<Phase, readonly Card[]>>;
  readonly answers: Readonly<Record<Phase, PhaseAnswerMap>>;
  readonly onAnswer: (phase: Phase, card: Card, value: AnswerValue | null) => void;
  readonly go: (by: number) => void;
  readonly languageHref: (language: string) => string;
}

/** What the participant pages' callbacks do in the preview: nothing reaches the API. */
function usePreviewActions(go: (by: number) => void, languageHref: (language: string) => string) {
  const router = useRouter();
  // A button on the phone that would move the participant on moves the preview on; declining or leaving stays.
  const act = useCallback(
    async (path: string, body?: unknown) => {
      if (!isRefusal(path, body)) go(1);
      return OK;
    },
    [go],
  );
  const switchLanguage = useCallback(
    async (language: string) => {
      router.push(languageHref(language));
      return true;
    },
    [router, languageHref],
  );
  return { act, switchLanguage };
}

function StepView({ plan, step, cards, answers, onAnswer, go, languageHref }: StepViewProps) {
  const { act, switchLanguage } = usePreviewActions(go, languageHref);
  const { view } = step;
  switch (view.kind) {
    case 'screen':
      return <ScreenStep screen={view.screen} state={view.state} act={act} switchLanguage={switchLanguage} />;
    case 'card':
      return (
        <PreviewSurveyCard
          phase={view.phase}
          cards={cards[view.phase]}
          index={view.index}
          language={plan.language}
          answers={answers[view.phase]}
          onAnswer={(card, value) => onAnswer(view.phase, card, value)}
        />
      );
    case 'submit':
      return <PreviewSubmit phase={view.phase} onNext={() => go(1)} onBack={() => go(-1)} />;
  }
}

interface PreviewControlsProps {
  readonly plan: PreviewPlan;
  readonly position: number;
  readonly title: string;
  readonly setPosition: (position: number) => void;
  readonly go: (by: number) => void;
}

function PreviewControls({ plan, position, title, setPosition, go }: PreviewControlsProps) {
  const count = plan.steps.length;
  return (
    <div className="preview-controls">
      <p className="preview-position" aria-live="polite" data-testid="preview-step">
        Step {position + 1} of {count}: {title}
      </p>
      <div className="preview-buttons">
        <button type="button" className="button button-secondary" disabled={position === 0} onClick={() => go(-1)}>
          Previous step
        </button>
        <button type="button" className="button" disabled={position === count - 1} onClick={() => go(1)}>
          Next step
        </button>
      </div>
      <label htmlFor="preview-jump" className="preview-jump-label">
        Go to step
      </label>
      <select id="preview-jump" value={position} onChange={(event) => setPosition(Number(event.currentTarget.value))}>
        {plan.steps.map((entry, index) => (
          <option key={entry.id} value={index}>
            {index + 1}. {entry.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The participant's phone journey in a phone-sized frame, rendered by the participant pages' own
 * components from states the API could send. Back and Next walk the steps; answers stay here.
 */
export function PreviewPhone({ plan, hrefBase }: { readonly plan: PreviewPlan; readonly hrefBase: string }) {
  const [position, setPosition] = useState(0);
  const [answers, answer] = useAnswers();
  const count = plan.steps.length;
  const go = useCallback((by: number) => setPosition((current) => Math.max(0, Math.min(count - 1, current + by))), [count]);
  const cards = useMemo(
    () => ({ pre: buildCards(plan.instruments.pre, plan.language), post: buildCards(plan.instruments.post, plan.language) }),
    [plan],
  );
  const languageHref = useCallback(
    (language: string) =>
      `${hrefBase}?${new URLSearchParams({ condition: plan.condition.id, lang: language, mode: plan.mode }).toString()}`,
    [hrefBase, plan.condition.id, plan.mode],
  );
  const step = plan.steps[position];
  if (!step) return null;
  return (
    <div className="preview-layout">
      <div className="preview-phone" role="region" aria-label="Phone preview" data-testid="phone-frame">
        <div className="preview-screen participant" key={step.id}>
          <StepView plan={plan} step={step} cards={cards} answers={answers} onAnswer={answer} go={go} languageHref={languageHref} />
        </div>
      </div>
      <PreviewControls plan={plan} position={position} title={step.title} setPosition={setPosition} go={go} />
    </div>
  );
}
