import { conditionLevels } from '../randomisation/design';
import type { Completion, Localized, StudyDesign } from '../studies/study-design';

export interface LevelInstructions {
  readonly factorId: string;
  readonly levelId: string;
  readonly instructions?: string;
  readonly topicPrompt?: string;
}

export interface ConditionInstructions {
  readonly levels: readonly LevelInstructions[];
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

/** What the members of an allocated session are told: per assigned level, plus the conversation card. */
export function conditionInstructions(design: StudyDesign, conditionId: string, language: string): ConditionInstructions {
  const levels = Object.entries(conditionLevels(conditionId)).map(([factorId, levelId]): LevelInstructions => {
    const level = design.factors.find((factor) => factor.id === factorId)?.levels.find((candidate) => candidate.id === levelId);
    const instructions = localized(level?.instructions, language, design.languages);
    const topicPrompt = localized(level?.topicPrompt, language, design.languages);
    return { factorId, levelId, ...(instructions === undefined ? {} : { instructions }), ...(topicPrompt === undefined ? {} : { topicPrompt }) };
  });
  return { levels, conversation: localized(design.conversation.instructions, language, design.languages) ?? '' };
}

export function covariateQuestions(design: StudyDesign, language: string): CovariateQuestion[] {
  return design.covariates.filter((covariate) => covariate.source === 'participant').map((covariate) => ({
    id: covariate.id,
    question: localized(covariate.question, language, design.languages) ?? covariate.label,
    levels: covariate.levels.map((level) => ({ id: level.id, text: localized(level.text, language, design.languages) ?? level.label })),
  }));
}

/** The design's completion; a redirect URL keeps its query (e.g. Prolific's `cc`) untouched. */
export function completionOf(completion: Completion): Completion {
  return completion.kind === 'code' ? { kind: 'code', code: completion.code } : { kind: 'redirect', url: new URL(completion.url).toString() };
}
