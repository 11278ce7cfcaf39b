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
  return [...byStratum.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([stratum, rows]) => {
    const length = Math.max(...rows.map((row) => row.sequenceIndex)) + 1;
    const expected = generateSequence({ ...params, stratum }, length);
    const storedByIndex = new Map(rows.map((row) => [row.sequenceIndex, row.conditionId]));
    const mismatches = expected
      .filter((slot) => storedByIndex.get(slot.index) !== slot.conditionId)
      .map((slot) => ({ index: slot.index, stored: storedByIndex.get(slot.index) ?? null, expected: slot.conditionId }));
    return { stratum, checked: rows.length, mismatches };
  });
}
