import type { FieldIssue } from '../common/errors/domain-error';

export type JoinTarget =
  | { readonly kind: 'seat_link'; readonly secret: string }
  | { readonly kind: 'session_code'; readonly code: string }
  | { readonly kind: 'study_link'; readonly code: string };

export interface JoinInput {
  readonly seatSecret?: string;
  readonly sessionCode?: string;
  readonly studyCode?: string;
}

/** Prefix of lab seat-link secrets (the join path `/join/seat/<secret>`). */
export const SEAT_SECRET_PREFIX = 'aseat_';

/** Typed codes are compared in the canonical upper-case form `newCode` produces. */
function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Exactly one way in: a lab seat link, a typed lab session code, or the study's online link. */
export function joinTargetOf(input: JoinInput): JoinTarget | FieldIssue[] {
  const given = (['seatSecret', 'sessionCode', 'studyCode'] as const).filter((key) => input[key] !== undefined);
  if (given.length !== 1) {
    return [
      {
        path: 'seatSecret',
        code: 'EXACTLY_ONE_JOIN_TARGET',
        message: `give exactly one of seatSecret, sessionCode, studyCode (got ${given.length})`,
      },
    ];
  }
  if (input.seatSecret !== undefined) return { kind: 'seat_link', secret: input.seatSecret };
  if (input.sessionCode !== undefined) return { kind: 'session_code', code: normaliseCode(input.sessionCode) };
  return { kind: 'study_link', code: normaliseCode(input.studyCode ?? '') };
}

export function seatJoinPath(secret: string): string {
  return `/join/seat/${secret}`;
}

/** The lowest seat number in 1..size not in `taken`, or null when the session is full. */
export function lowestFreeSeat(size: number, taken: readonly number[]): number | null {
  for (let seat = 1; seat <= size; seat += 1) if (!taken.includes(seat)) return seat;
  return null;
}
