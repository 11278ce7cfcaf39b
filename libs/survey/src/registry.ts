import { attentionInstrument } from './instruments/attention';
import { batsonEcInstrument } from './instruments/batson-ec';
import { batsonEcV2Instrument } from './instruments/batson-ec-v2';
import { checkPhoneInstrument } from './instruments/check-phone';
import { checkPhoneV2Instrument } from './instruments/check-phone-v2';
import { checkSeatingInstrument } from './instruments/check-seating';
import { checkSeatingV2Instrument } from './instruments/check-seating-v2';
import { debriefInstrument } from './instruments/debrief';
import { closenessCheckInstrument } from './instruments/closeness-check';
import { closenessSciInstrument } from './instruments/closeness-sci';
import { closenessSciV2Instrument } from './instruments/closeness-sci-v2';
import { conversationProcessInstrument } from './instruments/conversation-process';
import { iPanasSfInstrument } from './instruments/i-panas-sf';
import { iosInstrument } from './instruments/ios';
import { iosV2Instrument } from './instruments/ios-v2';
import { iriEcPtInstrument } from './instruments/iri-ec-pt';
import { iriEcPtV2Instrument } from './instruments/iri-ec-pt-v2';
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
  iosV2Instrument,
  closenessSciV2Instrument,
  batsonEcV2Instrument,
  iriEcPtV2Instrument,
  debriefInstrument,
]);

/** Every shipped instrument (every version), in a stable order. */
export function listInstruments(): readonly Instrument[] {
  return SHIPPED;
}

/** The shipped instrument with this id and version, or undefined. */
export function getInstrument(id: string, version: number): Instrument | undefined {
  return SHIPPED.find((instrument) => instrument.id === id && instrument.version === version);
}
