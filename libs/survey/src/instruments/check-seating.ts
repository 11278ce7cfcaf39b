import { shipInstrument } from './ship-instrument';
import type { Instrument } from '../types';

// Manipulation and recollection checks for the seating factor (face to face vs side by side,
// domain.md §1.4: an exploratory factor). Level codes assumed: 'face_to_face', 'side_by_side'.
export const checkSeatingInstrument: Instrument = shipInstrument({
  id: 'check_seating',
  version: 1,
  title: { en: 'Seating factor: manipulation and recollection check' },
  citation:
    "This project's own items, written for the seating factor (face-to-face vs side-by-side); " +
    'no published check exists for it (domain.md §1.4).',
  licence: "This project's own items; free to use.",
  languages: ['en'],
  items: [
    {
      kind: 'manipulation-check',
      id: 'seating_arrangement',
      purpose: 'manipulation',
      text: { en: 'How were you and your conversation partner seated during the conversation?' },
      options: [
        { value: 'face_to_face', label: { en: 'Facing each other' } },
        { value: 'side_by_side', label: { en: 'Side by side' } },
        { value: 'other', label: { en: 'Some other way' } },
        { value: 'not_sure', label: { en: "I don't remember" } },
      ],
      factor: 'seating',
      expectedByLevel: { face_to_face: 'face_to_face', side_by_side: 'side_by_side' },
    },
    {
      kind: 'manipulation-check',
      id: 'seating_face_visible',
      purpose: 'recollection',
      text: {
        en: "During the conversation, could you see your partner's face without turning your head?",
      },
      options: [
        { value: 'yes', label: { en: 'Yes' } },
        { value: 'no', label: { en: 'No' } },
        { value: 'not_sure', label: { en: "I don't remember" } },
      ],
      factor: 'seating',
      expectedByLevel: { face_to_face: 'yes', side_by_side: 'no' },
    },
  ],
  scales: [],
});
