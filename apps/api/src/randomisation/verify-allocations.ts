import { generateSequence, type SequenceParams } from './allocation-sequence';

export interface StoredAllocation {
  readonly stratum: string;
  readonly sequenceIndex: number;
  readonly conditionId: string;
}

export interface StratumVerification {
  readonly stratum: string;
  readonly checked: number;
  readonly mismatches: ReadonlyArray<{ readonly index: number; readonly stored: string | null; readonly expected: string }>;
}

/**
 * Regenerates each stratum's sequence from the revealed seed and compares it slot by slot with
 * what was stored; a gap in the stored indices counts as a mismatch too.
 */
export function verifyAllocations(params: Omit<SequenceParams, 'stratum'>, stored: readonly StoredAllocation[]): StratumVerification[] {
  const byStratum = new Map<string, StoredAllocation[]>();
  for (const allocation of stored) byStratum.set(allocation.stratum, [...(byStratum.get(allocation.stratum) ?? []), allocation]);
  return [...byStratum.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([stratum, rows]) => {
      const length = Math.max(...rows.map((row) => row.sequenceIndex)) + 1;
      const expected = generateSequence({ ...params, stratum }, length);
      const storedByIndex = new Map(rows.map((row) => [row.sequenceIndex, row.conditionId]));
      const mismatches = expected
        .filter((slot) => storedByIndex.get(slot.index) !== slot.conditionId)
        .map((slot) => ({ index: slot.index, stored: storedByIndex.get(slot.index) ?? null, expected: slot.conditionId }));
      return { stratum, checked: rows.length, mismatches };
    });
}

/** One allocated session as stored: its own columns, its allocation row's, and what its stratum is computed from. */
export interface AllocatedSessionRow {
  readonly sessionId: string;
  readonly sessionStratum: string | null;
  readonly sessionCondition: string | null;
  readonly allocationStratum: string;
  readonly allocationCondition: string;
  readonly observed: Readonly<Record<string, string>>;
  readonly memberCovariates: readonly Readonly<Record<string, string>>[];
  /** The session's site code; null at the primary site (whose strata carry no site). */
  readonly siteCode: string | null;
}

export interface SessionMismatch {
  readonly sessionId: string;
  readonly field: 'stratum' | 'condition';
  readonly stored: string | null;
  readonly expected: string | null;
}

/**
 * The sequence check trusts each allocation row's stratum; this does not. Each session's stratum
 * is recomputed from its members' reported and its observed covariates (`stratumOf`, the same
 * policy allocation used) and compared with the allocation row and the session; the session's
 * condition must be the one its allocation row drew.
 */
export function verifySessions(
  rows: readonly AllocatedSessionRow[],
  stratumOf: (row: AllocatedSessionRow) => string | null,
): SessionMismatch[] {
  return rows.flatMap((row): SessionMismatch[] => {
    const mismatches: SessionMismatch[] = [];
    const recomputed = stratumOf(row);
    if (recomputed !== row.allocationStratum || recomputed !== row.sessionStratum) {
      mismatches.push({
        sessionId: row.sessionId,
        field: 'stratum',
        stored:
          row.allocationStratum === row.sessionStratum ? row.allocationStratum : `${row.allocationStratum} / ${row.sessionStratum ?? ''}`,
        expected: recomputed,
      });
    }
    if (row.sessionCondition !== row.allocationCondition)
      mismatches.push({ sessionId: row.sessionId, field: 'condition', stored: row.sessionCondition, expected: row.allocationCondition });
    return mismatches;
  });
}
