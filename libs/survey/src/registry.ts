import { attentionInstrument } from './instruments/attention';
import { batsonEcInstrument } from './instruments/batson-ec';
import { checkPhoneInstrument } from './instruments/check-phone';
import { checkPhoneV2Instrument } from './instruments/check-phone-v2';
import { checkSeatingInstrument } from './instruments/check-seating';
import { checkSeatingV2Instrument } from './instruments/check-seating-v2';
import { closenessCheckInstrument } from './instruments/closeness-check';
import { closenessSciInstrument } from './instruments/closeness-sci';
import { conversationProcessInstrument } from './instruments/conversation-process';
import { iPanasSfInstrument } from './instruments/i-panas-sf';
import { iosInstrument } from './instruments/ios';
import { iriEcPtInstrument } from './instruments/iri-ec-pt';
import { partnerResponsivenessInstrument } from './instruments/partner-responsiveness';
import { trustInstrument } from './instruments/trust';
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
  checkPhoneV2Instrument,
  checkSeatingV2Instrument,
  partnerResponsivenessInstrument,
  trustInstrument,
  conversationProcessInstrument,
]);

/** Every shipped instrument (every version), in a stable order. */
export function listInstruments(): readonly Instrument[] {
  return SHIPPED;
}

/** The shipped instrument with this id and version, or undefined. */
export function getInstrument(id: string, version: number): Instrument | undefined {
  return SHIPPED.find((instrument) => instrument.id === id && instrument.version === version);
}
