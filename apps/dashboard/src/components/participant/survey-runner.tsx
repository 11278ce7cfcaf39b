import type { Instrument } from '@attune/survey';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { ItemCard } from '@/components/survey/item-card';
import { validationMessage } from '@/components/survey/validation-message';
import { type AnswerQueue, answerKey, type QueueSnapshot } from '@/lib/participant/answer-queue';
import { useParticipantContext } from '@/lib/participant/participant-context';
import { answerOf, type Card, cardKey } from '@/lib/participant/survey-cards';
import type { PhaseProgress } from '@/lib/participant/survey-store';
import type { Phase } from '@/lib/participant/types';
import { useSurvey } from '@/lib/participant/use-survey';
import { SaveStatusLine } from './save-status';
import { SubmitCard } from './submit-card';
import { usePending } from './use-pending';

interface SurveyRunnerProps {
  readonly phase: Phase;
  readonly instruments: readonly Instrument[];
  readonly initial: PhaseProgress;
  /** See LoadedPhase: false while the cards show the server's view only. */
  readonly settled: boolean;
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

/** The save status of the answer queue; the server render (no queue yet) says "saved", as the phone will once it has read its own copy. */
function useQueueSnapshot(queue: AnswerQueue | null): QueueSnapshot {
  const source = queue ?? NO_QUEUE;
  return useSyncExternalStore(source.subscribe, source.getSnapshot, NO_QUEUE.getSnapshot);
}

/** A new card is announced from its top; the first render keeps the page's own focus. */
function useFocusOnMove(position: number): React.RefObject<HTMLHeadingElement | null> {
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(position);
  useEffect(() => {
    if (shown.current !== position) heading.current?.focus();
    shown.current = position;
  }, [position]);
  return heading;
}

function useRunner(props: SurveyRunnerProps) {
  const { me, state, queue, onSubmitted, refresh } = useParticipantContext();
  const { phase } = props;
  const survey = useSurvey({
    ...props,
    me,
    queue,
    language: state.participant.language,
    onSubmitted: useCallback(() => onSubmitted(phase), [onSubmitted, phase]),
    onPhaseClosed: useCallback(() => void refresh(), [refresh]),
  });
  return { survey, snapshot: useQueueSnapshot(queue), language: state.participant.language };
}

function CardNav({ back, next }: { readonly back: (() => void) | null; readonly next: () => void }) {
  return (
    <div className="p-actions survey-nav">
      {back ? (
        <button type="button" className="button button-secondary" onClick={back}>
          Back
        </button>
      ) : null}
      <button type="button" className="button button-next" onClick={next}>
        Next
      </button>
    </div>
  );
}

/** One card at a time, Back and Next below it, the save status always in view. */
export function SurveyRunner(props: SurveyRunnerProps) {
  const { phase } = props;
  const { survey, snapshot, language } = useRunner(props);
  const [pending, run] = usePending();
  const { cards, progress } = survey;
  const heading = useFocusOnMove(progress.position);
  const card = cards[progress.position];
  const total = cards.filter((entry) => entry.number !== null).length;
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
          <CardNav back={progress.position > 0 ? survey.back : null} next={survey.next} />
        </>
      ) : (
        <SubmitCard phase={phase} note={survey.note} pending={pending} onSubmit={() => void run(survey.submit)} onBack={survey.back} />
      )}
      <SaveStatusLine status={snapshot.status} />
    </section>
  );
}
