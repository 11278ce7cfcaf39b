import { shipInstrument } from './ship-instrument';
import type { Instrument } from '../types';

// Aron, Aron & Smollan (1992). domain.md §2.1 [V]. The prompt's "[this person/group]" is filled
// with the conversation partner; the seven overlap descriptions are the scoring key's words and
// serve as the pictures' alt text and the codebook labels.
export const iosInstrument: Instrument = shipInstrument({
  id: 'ios',
  version: 1,
  title: { en: 'Inclusion of Other in the Self (IOS)', de: 'Inclusion of Other in the Self (IOS)' },
  citation:
    'Aron, A., Aron, E. N., & Smollan, D. (1992). Inclusion of Other in the Self Scale and the ' +
    'structure of interpersonal closeness. Journal of Personality and Social Psychology, 63(4), ' +
    '596–612 [journal details unverified]. Item and scoring as listed on edinstruments.com (Inclusion of Other in the Self ' +
    'Scale). The prompt\'s placeholder "[this person/group]" is filled with the conversation ' +
    "partner. German wording: this project's translation (not a published adaptation).",
  licence:
    'Open access: edinstruments.com lists "Open Access: Yes" for the IOS (verified). The scale is ' +
    'pictorial, so the pictures need no translation; only the prompt and the labels are localised.',
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
      pointLabels: [
        { en: 'No overlap', de: 'Keine Überschneidung' },
        { en: 'Little overlap', de: 'Geringe Überschneidung' },
        { en: 'Some overlap', de: 'Etwas Überschneidung' },
        { en: 'Equal overlap', de: 'Mittlere Überschneidung' },
        { en: 'Strong overlap', de: 'Starke Überschneidung' },
        { en: 'Very strong overlap', de: 'Sehr starke Überschneidung' },
        { en: 'Most overlap', de: 'Fast vollständige Überschneidung' },
      ],
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
