import { conditionLevels } from '../randomisation/design';
import type { Completion, CovariateDesign, Localized, StudyDesign } from '../studies/study-design';

/**
 * What the members of an allocated session read: texts only. Factor and level ids, and the
 * experimenter's set-up, never reach a phone (a participant who is told the condition's name is
 * no longer blind to it).
 */
export interface ConditionInstructions {
  /** Things to do before the conversation, e.g. "Sit facing each other". */
  readonly steps: readonly string[];
  /** The topic card. */
  readonly topics: readonly string[];
  readonly conversation: string;
}

export interface CovariateQuestion {
  readonly id: string;
  readonly question: string;
  readonly levels: readonly { readonly id: string; readonly text: string }[];
}

/** Text in the participant's language, falling back to the study's first language. */
export function localized(text: Localized | undefined, language: string, languages: readonly string[]): string | undefined {
  if (!text) return undefined;
  return text[language] ?? text[languages[0] ?? ''];
}

/** The consent text exactly as shown, so its hash proves which words were agreed to. */
export function consentText(design: StudyDesign, language: string): string {
  return localized(design.consent.text, language, design.languages) ?? '';
}

/** What the members of an allocated session are told, in design order: steps, topic card, conversation text. */
export function conditionInstructions(design: StudyDesign, conditionId: string, language: string): ConditionInstructions {
  const levels = Object.entries(conditionLevels(conditionId)).map(([factorId, levelId]) =>
    design.factors.find((factor) => factor.id === factorId)?.levels.find((candidate) => candidate.id === levelId),
  );
  const texts = (pick: 'instructions' | 'topicPrompt'): string[] =>
    levels.flatMap((level) => {
      const text = localized(level?.[pick], language, design.languages);
      return text === undefined ? [] : [text];
    });
  return {
    steps: texts('instructions'),
    topics: texts('topicPrompt'),
    conversation: localized(design.conversation.instructions, language, design.languages) ?? '',
  };
}

/** The questions to show now (see pendingCovariates), in the participant's language. */
export function covariateQuestions(design: StudyDesign, pending: readonly CovariateDesign[], language: string): CovariateQuestion[] {
  return pending.map((covariate) => ({
    id: covariate.id,
    question: localized(covariate.question, language, design.languages) ?? covariate.label,
    levels: covariate.levels.map((level) => ({ id: level.id, text: localized(level.text, language, design.languages) ?? level.label })),
  }));
}

/** The design's completion; a redirect URL keeps its query (e.g. Prolific's `cc`) untouched. */
export function completionOf(completion: Completion): Completion {
  return completion.kind === 'code'
    ? { kind: 'code', code: completion.code }
    : { kind: 'redirect', url: new URL(completion.url).toString() };
}
