import type { Instrument } from '@attune/survey';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { ItemCard } from '@/components/survey/item-card';
import { validationMessage } from '@/components/survey/validation-message';
import { type AnswerQueue, answerKey, type QueueSnapshot } from '@/lib/participant/answer-queue';
import type { StoredParticipant } from '@/lib/participant/participant-store';
import { answerOf, type Card, cardKey } from '@/lib/participant/survey-cards';
import type { PhaseProgress } from '@/lib/participant/survey-store';
import type { Phase } from '@/lib/participant/types';
import { useSurvey } from '@/lib/participant/use-survey';
import { SaveStatusLine } from './save-status';
import { SubmitCard } from './submit-card';
import { usePending } from './use-pending';

interface SurveyRunnerProps {
  readonly me: StoredParticipant;
  readonly phase: Phase;
  readonly instruments: readonly Instrument[];
  readonly initial: PhaseProgress;
  /** See LoadedPhase: false while the cards show the server's view only. */
  readonly settled: boolean;
  readonly language: string;
  readonly queue: AnswerQueue | null;
  readonly onSubmitted: () => void;
  readonly onPhaseClosed: () => void;
}

const SERVER_SNAPSHOT: QueueSnapshot = { status: 'saved', pending: 0, rejected: {} };
const NO_QUEUE = { subscribe: () => () => {}, getSnapshot: () => SERVER_SNAPSHOT };

function Progress({
  card,
  total,
  position,
  cards,
  headingRef,
}: {
  readonly card: Card | undefined;
  readonly total: number;
  readonly position: number;
  readonly cards: number;
  readonly headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const label =
    card === undefined ? 'All questions answered' : card.number === null ? 'Introduction' : `Question ${card.number} of ${total}`;
  return (
    <div className="survey-progress">
      <h1 ref={headingRef} tabIndex={-1} className="survey-step" data-testid="survey-step">
        {label}
      </h1>
      <progress max={cards} value={Math.min(position, cards)} aria-label="Progress through the questions" />
    </div>
  );
}

function errorFor(card: Card, errors: Record<string, string>, snapshot: QueueSnapshot, phase: Phase): string | null {
  const code =
    errors[cardKey(card.instrument.id, card.item.id)] ||
    snapshot.rejected[answerKey({ phase, instrumentId: card.instrument.id, itemId: card.item.id })];
  return code ? validationMessage(code, card.item) : null;
}

/** One card at a time, Back and Next below it, the save status always in view. */
export function SurveyRunner(props: SurveyRunnerProps) {
  const { phase, queue, language } = props;
  const survey = useSurvey(props);
  const source = queue ?? NO_QUEUE;
  const snapshot = useSyncExternalStore(source.subscribe, source.getSnapshot, NO_QUEUE.getSnapshot);
  const [pending, run] = usePending();
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(survey.progress.position);
  const { cards, progress } = survey;
  const card = cards[progress.position];
  const total = cards.filter((entry) => entry.number !== null).length;
  useEffect(() => {
    // A new card is announced from its top; the first render keeps the page's own focus.
    if (shown.current !== progress.position) heading.current?.focus();
    shown.current = progress.position;
  }, [progress.position]);

  return (
    <section className="p-card survey" aria-labelledby="survey-title" data-phase={phase}>
      <h2 id="survey-title" className="visually-hidden">
        {phase === 'pre' ? 'Questions before the conversation' : 'Questions after the conversation'}
      </h2>
      <Progress card={card} total={total} position={progress.position} cards={cards.length} headingRef={heading} />
      {card ? (
        <>
          <div lang={language}>
            <ItemCard
              key={cardKey(card.instrument.id, card.item.id)}
              instrumentId={card.instrument.id}
              item={card.item}
              language={language}
              value={answerOf(progress.answers, card)}
              error={errorFor(card, survey.errors, snapshot, phase)}
              context={card.context}
              onAnswer={(value) => survey.answer(card, value)}
            />
          </div>
          <div className="p-actions survey-nav">
            {progress.position > 0 ? (
              <button type="button" className="button button-secondary" onClick={survey.back}>
                Back
              </button>
            ) : null}
            <button type="button" className="button button-next" onClick={() => survey.next()}>
              Next
            </button>
          </div>
        </>
      ) : (
        <SubmitCard phase={phase} note={survey.note} pending={pending} onSubmit={() => void run(survey.submit)} onBack={survey.back} />
      )}
      <SaveStatusLine status={snapshot.status} />
    </section>
  );
}
