import { shipInstrument } from './ship-instrument';
import type { Instrument } from '../types';

const notSure = { en: "I don't remember", de: 'Ich erinnere mich nicht' };

// Version 2 of the seating checks: the same questions as v1, keyed by the probe 'seating'
// (settings face_to_face | side_by_side, set by the design's levels) instead of by level names,
// and translated into German.
export const checkSeatingV2Instrument: Instrument = shipInstrument({
  id: 'check_seating',
  version: 2,
  title: {
    en: 'Seating: manipulation and recollection check',
    de: 'Sitzordnung: Manipulations- und Erinnerungscheck',
  },
  citation:
    "This project's own items (English and German), written for the seating factor (face to " +
    'face vs side by side); no published check exists for it (domain.md §1.4). Keyed by the ' +
    'probe seating (settings face_to_face, side_by_side).',
  licence: "This project's own items; free to use.",
  languages: ['en', 'de'],
  items: [
    {
      kind: 'manipulation-check',
      id: 'seating_arrangement',
      purpose: 'manipulation',
      text: {
        en: 'How were you and your conversation partner seated during the conversation?',
        de: 'Wie saßen Sie und Ihre Gesprächspartnerin bzw. Ihr Gesprächspartner während des Gesprächs?',
      },
      options: [
        { value: 'face_to_face', label: { en: 'Facing each other', de: 'Einander gegenüber' } },
        { value: 'side_by_side', label: { en: 'Side by side', de: 'Nebeneinander' } },
        { value: 'other', label: { en: 'Some other way', de: 'Anders' } },
        { value: 'not_sure', label: notSure },
      ],
      probe: 'seating',
    },
    {
      kind: 'manipulation-check',
      id: 'seating_face_visible',
      purpose: 'recollection',
      text: {
        en: "During the conversation, could you see your partner's face without turning your head?",
        de: 'Konnten Sie während des Gesprächs das Gesicht Ihrer Gesprächspartnerin bzw. Ihres Gesprächspartners sehen, ohne den Kopf zu drehen?',
      },
      options: [
        { value: 'yes', label: { en: 'Yes', de: 'Ja' } },
        { value: 'no', label: { en: 'No', de: 'Nein' } },
        { value: 'not_sure', label: notSure },
      ],
      probe: 'seating',
      expectedBySetting: { face_to_face: 'yes', side_by_side: 'no' },
    },
  ],
  scales: [],
});
