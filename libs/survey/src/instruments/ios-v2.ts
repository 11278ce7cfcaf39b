import { shipInstrument } from './ship-instrument';
import type { Instrument, LocalizedText } from '../types';

const POINTS = [1, 2, 3, 4, 5, 6, 7];
// The scoring key's words (domain.md §2.1 [V]), for the codebook only.
const codebookLabels: readonly LocalizedText[] = [
  { en: '1 (no overlap)', de: '1 (keine Überschneidung)' },
  { en: '2 (little overlap)', de: '2 (geringe Überschneidung)' },
  { en: '3 (some overlap)', de: '3 (etwas Überschneidung)' },
  { en: '4 (equal overlap)', de: '4 (mittlere Überschneidung)' },
  { en: '5 (strong overlap)', de: '5 (starke Überschneidung)' },
  { en: '6 (very strong overlap)', de: '6 (sehr starke Überschneidung)' },
  { en: '7 (most overlap)', de: '7 (größte Überschneidung)' },
];

// Version 2 of the IOS: the seven pictures as in Aron, Aron & Smollan (1992), with "Self" and
// "Other" written inside the circles and no words beside the pictures (v1 showed the scoring
// key's overlap descriptions to participants, which the original does not). Each picture has an
// accessible name ("Picture 3 of 7") that only screen readers announce; the overlap words label
// the codebook only. The drawing is in the dashboard (components/survey/ios-geometry.ts).
export const iosV2Instrument: Instrument = shipInstrument({
  id: 'ios',
  version: 2,
  title: { en: 'Inclusion of Other in the Self (IOS)', de: 'Inclusion of Other in the Self (IOS)' },
  citation:
    'Aron, A., Aron, E. N., & Smollan, D. (1992). Inclusion of Other in the Self Scale and the ' +
    'structure of interpersonal closeness. Journal of Personality and Social Psychology, 63(4), ' +
    '596–612 [journal details unverified]. Item and scoring as listed on edinstruments.com ' +
    '(verified). Pictures: two circles labelled Self and Other, from just touching (1) to almost ' +
    'completely overlapping (7), with no verbal labels, as in the original figure. Construction ' +
    'used here: the total area of each pair constant and the overlap (along the line of centres) ' +
    'progressing linearly [recalled, not verified against the 1992 article]; picture 7 overlaps ' +
    "by about 85 % of a circle's area, after Thériault's (rempsyc package, 2020) measurement " +
    'of the original pictures (1 = 0 %, 2 ≈ 10 %, 3 ≈ 20 %, 4 ≈ 30 %, 5 ≈ 55 %, 6 ≈ 65 %, 7 ≈ 85 %) ' +
    '[S]. The prompt\'s placeholder "[this person/group]" is filled with the conversation ' +
    "partner. German wording (Ich / Andere Person): this project's translation.",
  licence:
    'Open access: edinstruments.com lists "Open Access: Yes" for the IOS (verified). The pictures ' +
    'carry only the words Self and Other, which are localised with the prompt.',
  languages: ['en', 'de'],
  items: [
    {
      kind: 'ios',
      id: 'ios',
      text: {
        en: 'Which picture best describes your relationship with your conversation partner?',
        de: 'Welches Bild beschreibt Ihre Beziehung zu Ihrer Gesprächspartnerin bzw. Ihrem Gesprächspartner am besten?',
      },
      selfLabel: { en: 'Self', de: 'Ich' },
      otherLabel: { en: 'Other', de: 'Andere Person' },
      pictureLabels: POINTS.map((n) => ({ en: `Picture ${n} of 7`, de: `Bild ${n} von 7` })),
      codebookLabels,
    },
  ],
  scales: [
    {
      id: 'ios',
      label: { en: 'Inclusion of Other in the Self', de: 'Einbeziehung des Anderen in das Selbst' },
      items: ['ios'],
      method: 'mean',
      minAnswered: 1,
    },
  ],
});
