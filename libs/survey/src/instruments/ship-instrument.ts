import { deepFreeze } from '../deep-freeze';
import type { Instrument } from '../types';

/**
 * Freezes a shipped instrument without running the definition checks at load time: those checks
 * would otherwise ship to every phone that imports one instrument (about 4 kB gzip). Every
 * shipped instrument is run through defineInstrument by the test suite instead.
 */
export function shipInstrument(definition: Instrument): Instrument {
  return deepFreeze(definition);
}
