import type { AnswerValue } from '@attune/survey';
import type { ReactNode } from 'react';
import { SubmitCard } from '@/components/participant/submit-card';
import { ItemCard } from '@/components/survey/item-card';
import { validationMessage } from '@/components/survey/validation-message';
import { answerOf, type Card, cardIssue, cardKey } from '@/lib/participant/survey-cards';
import type { PhaseAnswerMap } from '@/lib/participant/survey-store';
import type { Phase } from '@/lib/participant/types';

const PHASE_NAMES: Readonly<Record<Phase, string>> = { pre: 'Questions before the conversation', post: 'Questions after the conversation' };

/** Both kinds of step sit in the same section the phone's survey runner uses. */
function PhaseSection({ phase, children }: { readonly phase: Phase; readonly children: ReactNode }) {
  return (
    <section className="p-card survey" aria-labelledby="survey-title" data-phase={phase}>
      <h2 id="survey-title" className="visually-hidden">
        {PHASE_NAMES[phase]}
      </h2>
      {children}
    </section>
  );
}

/**
 * One survey card as the phone's survey runner shows it (the same heading, progress bar and item
 * renderer), with answers kept in this page only: the runner itself saves to the phone and the
 * API, which a preview must not.
 */
interface PreviewSurveyCardProps {
  readonly phase: Phase;
  readonly cards: readonly Card[];
  readonly index: number;
  readonly language: string;
  readonly answers: PhaseAnswerMap;
  readonly onAnswer: (card: Card, value: AnswerValue | null) => void;
}

export function PreviewSurveyCard({ phase, cards, index, language, answers, onAnswer }: PreviewSurveyCardProps) {
  const card = cards[index];
  if (!card) return null;
  const total = cards.filter((entry) => entry.number !== null).length;
  const value = answerOf(answers, card);
  const issue = value === null ? null : cardIssue(card, value, true);
  return (
    <PhaseSection phase={phase}>
      <div className="survey-progress">
        <h1 className="survey-step" data-testid="survey-step">
          {card.number === null ? 'Introduction' : `Question ${card.number} of ${total}`}
        </h1>
        <progress max={cards.length} value={index} aria-label="Progress through the questions" />
      </div>
      <div lang={language}>
        <ItemCard
          key={cardKey(card.instrument.id, card.item.id)}
          instrumentId={card.instrument.id}
          item={card.item}
          language={language}
          value={value}
          error={issue ? validationMessage(issue, card.item) : null}
          context={card.context}
          onAnswer={(next) => onAnswer(card, next)}
        />
      </div>
    </PhaseSection>
  );
}

/** The end of a phase, as the phone shows it; submitting here only moves the preview on. */
export function PreviewSubmit({
  phase,
  onNext,
  onBack,
}: {
  readonly phase: Phase;
  readonly onNext: () => void;
  readonly onBack: () => void;
}) {
  return (
    <PhaseSection phase={phase}>
      <div className="survey-progress">
        <h1 className="survey-step">All questions answered</h1>
      </div>
      <SubmitCard phase={phase} note={null} pending={false} onSubmit={onNext} onBack={onBack} />
    </PhaseSection>
  );
}
