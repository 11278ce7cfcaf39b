import { attentionInstrument } from './instruments/attention';
import { batsonEcInstrument } from './instruments/batson-ec';
import { checkPhoneInstrument } from './instruments/check-phone';
import { checkSeatingInstrument } from './instruments/check-seating';
import { closenessCheckInstrument } from './instruments/closeness-check';
import { closenessSciInstrument } from './instruments/closeness-sci';
import { iPanasSfInstrument } from './instruments/i-panas-sf';
import { iosInstrument } from './instruments/ios';
import { iriEcPtInstrument } from './instruments/iri-ec-pt';
import type { Instrument } from './types';

// The only module that imports every shipped instrument: a page that validates one instrument
// it received from the API never pulls this file, and so never ships the others.

const SHIPPED: readonly Instrument[] = Object.freeze([
  iosInstrument,
  closenessSciInstrument,
  closenessCheckInstrument,
  iriEcPtInstrument,
  batsonEcInstrument,
  iPanasSfInstrument,
  checkPhoneInstrument,
  checkSeatingInstrument,
  attentionInstrument,
]);

/** Every shipped instrument (every version), in a stable order. */
export function listInstruments(): readonly Instrument[] {
  return SHIPPED;
}

/** The shipped instrument with this id and version, or undefined. */
export function getInstrument(id: string, version: number): Instrument | undefined {
  return SHIPPED.find((instrument) => instrument.id === id && instrument.version === version);
}
