import { getInstrument, type Instrument, instrumentHash } from '@attune/survey';
import type { SessionStatus } from '../sessions/session.entity';
import type { Phase } from './response.entity';

export const PHASES = ['pre', 'post'] as const satisfies readonly Phase[];

/** The session step in which each phase's questionnaires can be answered. */
export const SURVEY_STATE: Readonly<Record<Phase, SessionStatus>> = { pre: 'pre_survey', post: 'post_survey' };

interface FrozenInstrumentRef {
  readonly phase: string;
  readonly id: string;
  readonly version: number;
  readonly hash: string | null;
}

function isFrozenRef(value: unknown): value is FrozenInstrumentRef {
  if (typeof value !== 'object' || value === null) return false;
  const ref = value as Record<string, unknown>;
  return (
    typeof ref['phase'] === 'string' &&
    typeof ref['id'] === 'string' &&
    typeof ref['version'] === 'number' &&
    (typeof ref['hash'] === 'string' || ref['hash'] === null)
  );
}

// Shipped instruments are immutable data (their hashes are locked in libs/survey), so each one's
// hash is computed once per process rather than on every submit.
const hashes = new Map<Instrument, string>();

function hashOf(instrument: Instrument): string {
  let hash = hashes.get(instrument);
  if (hash === undefined) {
    hash = instrumentHash(instrument);
    hashes.set(instrument, hash);
  }
  return hash;
}

/**
 * The instruments of one phase, in design order, from the `instruments` list of the protocol the
 * session runs under (not the study's current design, which an amendment may have changed since).
 * Each is served and scored only if it is byte for byte what was frozen: its hash must equal the
 * protocol's. A frozen protocol naming an instrument this build does not ship, or ships changed,
 * is a deployment fault, not bad input, so it fails loudly.
 */
export function phaseInstruments(frozenRefs: unknown, phase: Phase): Instrument[] {
  const refs = Array.isArray(frozenRefs) ? frozenRefs.filter(isFrozenRef) : [];
  return refs
    .filter((ref) => ref.phase === phase)
    .map((ref) => {
      const instrument = getInstrument(ref.id, ref.version);
      if (!instrument) throw new Error(`protocol names instrument ${ref.id} v${ref.version}, which this build does not ship`);
      if (ref.hash !== hashOf(instrument))
        throw new Error(`instrument ${ref.id} v${ref.version} differs from the one frozen in the protocol (hash ${ref.hash ?? 'none'})`);
      return instrument;
    });
}
