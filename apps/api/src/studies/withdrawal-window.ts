import type { StudyDesign } from '../studies/study-design';

/** Days after a study closes during which a participant may still withdraw, when the design does not say. */
export const DEFAULT_WITHDRAWAL_DAYS = 30;
const DAY_MS = 86_400_000;

export interface WithdrawalWindow {
  readonly daysAfterClose: number;
  /** Null while the study is open: the deadline runs from the day it closes. */
  readonly deadline: Date | null;
}

/**
 * A study's withdrawal window. `closedAt` is when the study closed (the moment its seed was
 * revealed, which only closing does).
 */
export function withdrawalWindow(design: StudyDesign, closedAt: Date | null): WithdrawalWindow {
  const daysAfterClose = design.withdrawal?.daysAfterClose ?? DEFAULT_WITHDRAWAL_DAYS;
  return { daysAfterClose, deadline: closedAt ? new Date(closedAt.getTime() + daysAfterClose * DAY_MS) : null };
}

export function isWithdrawalOpen(window: WithdrawalWindow, now: Date): boolean {
  return window.deadline === null || now.getTime() <= window.deadline.getTime();
}
