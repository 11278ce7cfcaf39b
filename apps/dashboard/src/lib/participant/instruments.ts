import type { Instrument } from '@attune/survey';
import { isRecord, type KeyValueStore, readJson, writeJson } from './storage';

export interface InstrumentRef {
  readonly id: string;
  readonly version: number;
  /** The hash frozen in the session's protocol; a served or cached copy with another is refused. */
  readonly hash?: string;
}

type HashedInstrument = Instrument & { readonly hash?: string };

/** Where the dashboard serves the shipped instruments as JSON (prerendered, immutable per version). */
export function instrumentUrl(ref: InstrumentRef): string {
  return `/p/instruments/${encodeURIComponent(ref.id)}/${ref.version}`;
}

function isInstrument(value: unknown): value is HashedInstrument {
  return (
    isRecord(value) &&
    typeof value['id'] === 'string' &&
    typeof value['version'] === 'number' &&
    Array.isArray(value['items']) &&
    Array.isArray(value['languages'])
  );
}

function matches(instrument: HashedInstrument, ref: InstrumentRef): boolean {
  return instrument.id === ref.id && instrument.version === ref.version && (ref.hash === undefined || instrument.hash === ref.hash);
}

function cacheKey(ref: InstrumentRef): string {
  return `attune.instrument.${ref.id}@${ref.version}`;
}

async function fetchInstrument(ref: InstrumentRef): Promise<Instrument | null> {
  try {
    const response = await fetch(instrumentUrl(ref));
    if (!response.ok) return null;
    const body: unknown = await response.json();
    return isInstrument(body) && matches(body, ref) ? body : null;
  } catch {
    return null;
  }
}

/**
 * The phase's instruments, from this phone's copy when it has one (a reload on a dead network
 * still shows the questions) or else from the dashboard. The definitions travel as data, not as
 * JavaScript, so the survey page ships only the rulebook (P5); null when one cannot be had.
 */
export async function loadInstruments(refs: readonly InstrumentRef[], store: KeyValueStore): Promise<Instrument[] | null> {
  const loaded = await Promise.all(
    refs.map(async (ref) => {
      const cached = readJson(store, cacheKey(ref), isInstrument);
      if (cached && matches(cached, ref)) return cached;
      const fetched = await fetchInstrument(ref);
      if (fetched) writeJson(store, cacheKey(ref), fetched);
      return fetched;
    }),
  );
  return loaded.every((instrument): instrument is Instrument => instrument !== null) ? loaded : null;
}
