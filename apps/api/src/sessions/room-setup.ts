import { conditionLevels } from '../randomisation/design';
import type { StudyDesign } from '../studies/study-design';

export interface RoomLevel {
  readonly factorId: string;
  readonly factorLabel: string;
  readonly levelId: string;
  readonly levelLabel: string;
  /** What the research assistant prepares; null when the level needs nothing. */
  readonly setup: string | null;
  /** What the level puts in the room, as the checks ask about it. */
  readonly sets: Readonly<Record<string, string>>;
  /** What the phones show for this level (first study language), so the assistant knows what participants read. */
  readonly participantInstructions: string | null;
  readonly topicPrompt: string | null;
}

export interface RoomSetup {
  readonly levels: readonly RoomLevel[];
  readonly conversationSeconds: number;
}

/**
 * The lab console's view of an allocated session: what to place where, for the research assistant
 * only (participants' phones never receive level names or the experimenter's set-up).
 */
export function roomSetup(design: StudyDesign, conditionId: string): RoomSetup {
  const first = design.languages[0] ?? 'en';
  const levels = Object.entries(conditionLevels(conditionId)).map(([factorId, levelId]): RoomLevel => {
    const factor = design.factors.find((candidate) => candidate.id === factorId);
    const level = factor?.levels.find((candidate) => candidate.id === levelId);
    return {
      factorId,
      factorLabel: factor?.label ?? factorId,
      levelId,
      levelLabel: level?.label ?? levelId,
      setup: level?.setup ?? null,
      sets: level?.sets ?? {},
      participantInstructions: level?.instructions?.[first] ?? null,
      topicPrompt: level?.topicPrompt?.[first] ?? null,
    };
  });
  return { levels, conversationSeconds: design.conversation.durationSeconds };
}
