import { canonicalJson, getInstrument, instrumentHash } from '@attune/survey';
import { createHash } from 'node:crypto';
import { conditionsOf } from '../randomisation/design';
import type { StudyDesign } from './study-design';

export interface ProtocolSnapshot {
  readonly canonicalJson: string;
  readonly hash: string;
}

/** Conditions in sequence order with their weights: part of the method, so frozen in the protocol. */
export function weightedConditions(design: StudyDesign): Array<{ id: string; weight: number }> {
  return conditionsOf(design.factors).map((condition) => ({ id: condition.id, weight: design.conditionWeights[condition.id] ?? 1 }));
}

/**
 * The frozen protocol: design, derived conditions, the exact instrument texts (by hash) and the
 * commitment to the secret allocation seed. Canonical JSON makes the hash independent of key order.
 */
export function snapshotProtocol(input: {
  studyId: string;
  version: number;
  title: string;
  design: StudyDesign;
  seedCommitment: string;
  reason: string | null;
}): ProtocolSnapshot {
  const instruments = (['pre', 'post'] as const).flatMap((phase) =>
    input.design.instruments[phase].map((ref) => {
      const instrument = getInstrument(ref.id, ref.version);
      return { phase, id: ref.id, version: ref.version, hash: instrument ? instrumentHash(instrument) : null };
    }),
  );
  const document = {
    format: 'attune.protocol.v1',
    studyId: input.studyId,
    version: input.version,
    title: input.title,
    design: input.design,
    conditions: weightedConditions(input.design),
    instruments,
    allocationSeedCommitment: { algorithm: 'sha256', value: input.seedCommitment },
    amendmentReason: input.reason,
  };
  const text = canonicalJson(document);
  return { canonicalJson: text, hash: createHash('sha256').update(text, 'utf8').digest('hex') };
}
