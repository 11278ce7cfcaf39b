import { shipInstrument } from './ship-instrument';
import type { Instrument } from '../types';

const notSure = { en: "I'm not sure", de: 'Ich bin nicht sicher' };

// Version 2 of the phone checks (domain.md §7). Version 1 asked "Was there a phone in the room?",
// which every participant must answer "yes": their own phones are always in the room. These
// items ask about the TABLE during the conversation, and are keyed to what the design puts there
// (probe 'table_object': phone | notebook | nothing), not to the names of the factor's levels.
export const checkPhoneV2Instrument: Instrument = shipInstrument({
  id: 'check_phone',
  version: 2,
  title: {
    en: 'Object on the table: manipulation and recollection check',
    de: 'Gegenstand auf dem Tisch: Manipulations- und Erinnerungscheck',
  },
  citation:
    "This project's own wording (English and German), written for the phone-presence paradigm of " +
    'Przybylski & Weinstein (2013), in which a phone or a notebook lay on a desk during the ' +
    'conversation; Allred & Crowley (2017) found that recalling a phone mattered. Replaces ' +
    'check_phone v1, whose item asked about the room rather than the table (domain.md §7). Keyed ' +
    'by the probe table_object (settings phone, notebook, nothing). Not a published check.',
  licence: "This project's own items; free to use.",
  languages: ['en', 'de'],
  items: [
    {
      kind: 'manipulation-check',
      id: 'table_phone',
      purpose: 'manipulation',
      text: {
        en: 'During the conversation, was there a phone lying on the table?',
        de: 'Lag während des Gesprächs ein Handy auf dem Tisch?',
      },
      options: [
        { value: 'yes', label: { en: 'Yes', de: 'Ja' } },
        { value: 'no', label: { en: 'No', de: 'Nein' } },
        { value: 'not_sure', label: notSure },
      ],
      probe: 'table_object',
      expectedBySetting: { phone: 'yes', notebook: 'no', nothing: 'no' },
    },
    {
      kind: 'manipulation-check',
      id: 'table_object',
      purpose: 'recollection',
      text: {
        en: 'Which object lay on the table during the conversation?',
        de: 'Welcher Gegenstand lag während des Gesprächs auf dem Tisch?',
      },
      options: [
        { value: 'phone', label: { en: 'A phone', de: 'Ein Handy' } },
        { value: 'notebook', label: { en: 'A notebook', de: 'Ein Notizbuch' } },
        { value: 'nothing', label: { en: 'Nothing', de: 'Nichts' } },
        { value: 'not_sure', label: notSure },
      ],
      probe: 'table_object',
    },
  ],
  scales: [],
});
