import { getInstrument, type Instrument } from '@attune/survey';
import { conditionsOf } from '../randomisation/design';
import type { StudyDesign } from '../studies/study-design';

export type Phase = 'pre' | 'post';
export const PHASES: readonly Phase[] = ['pre', 'post'];

/** A frozen protocol as an export reads it: its design and the instruments (with hashes) it froze. */
export interface FrozenProtocol {
  readonly version: number;
  readonly hash: string;
  readonly canonicalJson: string;
  readonly design: StudyDesign;
  readonly instruments: readonly { readonly phase: Phase; readonly id: string; readonly version: number; readonly hash: string | null }[];
}

/** Every version of one instrument used in one phase across the exported protocols. */
export interface PhaseInstrument {
  readonly phase: Phase;
  readonly id: string;
  readonly versions: readonly { readonly instrument: Instrument; readonly hash: string | null }[];
}

/**
 * The canonical JSON is the protocol's own record (ProtocolSnapshot), so the export reads the
 * design from it rather than from the study's editable design.
 */
export function parseProtocol(version: number, hash: string, canonicalJson: string): FrozenProtocol {
  const document = JSON.parse(canonicalJson) as { design?: StudyDesign; instruments?: FrozenProtocol['instruments'] };
  if (!document.design || !Array.isArray(document.instruments)) throw new Error(`protocol v${version} has no design or instruments`);
  return { version, hash, canonicalJson, design: document.design, instruments: document.instruments };
}

/** Phase instruments in first-seen order (pre before post), each with the versions the protocols use. */
export function phaseInstruments(protocols: readonly FrozenProtocol[]): PhaseInstrument[] {
  const found = new Map<string, { phase: Phase; id: string; versions: Map<number, { instrument: Instrument; hash: string | null }> }>();
  for (const phase of PHASES) {
    for (const protocol of protocols) {
      for (const ref of protocol.instruments.filter((entry) => entry.phase === phase)) {
        const key = `${phase}:${ref.id}`;
        const entry = found.get(key) ?? { phase, id: ref.id, versions: new Map() };
        found.set(key, entry);
        const instrument = getInstrument(ref.id, ref.version);
        if (!instrument) throw new Error(`instrument ${ref.id} v${ref.version} is not shipped`);
        if (!entry.versions.has(ref.version)) entry.versions.set(ref.version, { instrument, hash: ref.hash });
      }
    }
  }
  return [...found.values()].map(({ phase, id, versions }) => ({
    phase,
    id,
    versions: [...versions.entries()].sort(([a], [b]) => a - b).map(([, value]) => value),
  }));
}

/** Union of a design list across protocols by id, first definition wins (amendments keep ids stable). */
export function unionById<T extends { readonly id: string }>(
  protocols: readonly FrozenProtocol[],
  pick: (design: StudyDesign) => readonly T[],
): T[] {
  const seen = new Map<string, T>();
  for (const protocol of protocols) for (const item of pick(protocol.design)) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

export function conditionIds(protocols: readonly FrozenProtocol[]): string[] {
  const ids = new Set<string>();
  for (const protocol of protocols) {
    for (const condition of conditionsOf(protocol.design.factors)) ids.add(condition.id);
  }
  return [...ids];
}
