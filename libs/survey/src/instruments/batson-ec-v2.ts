import { shipInstrument } from './ship-instrument';
import type { Instrument, LikertItem } from '../types';

// English adjective → this project's German rendering (not a published adaptation).
const ADJECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['sympathetic', 'Mitfühlend'],
  ['moved', 'Bewegt'],
  ['compassionate', 'Voller Anteilnahme'],
  ['tender', 'Zärtlich'],
  ['warm', 'Warmherzig'],
  ['softhearted', 'Weichherzig'],
];

function adjectiveItem([adjective, german]: readonly [string, string]): LikertItem {
  const word = adjective.charAt(0).toUpperCase() + adjective.slice(1);
  return {
    kind: 'likert',
    id: `batson_${adjective}`,
    text: { en: word, de: german },
    points: 7,
    endLabels: { min: { en: 'Not at all', de: 'Überhaupt nicht' }, max: { en: 'Extremely', de: 'Äußerst' } },
  };
}

// Version 2 of Batson's empathic-concern adjectives: the same items, ids and scoring as v1, with
// the primary sources in the citation and a German translation. This is the rater's own empathic
// emotion, not how understood the rater felt (that is partner_responsiveness; domain.md §7).
export const batsonEcV2Instrument: Instrument = shipInstrument({
  id: 'batson_ec',
  version: 2,
  title: { en: 'Empathic concern adjectives (Batson)', de: 'Empathische Anteilnahme (Adjektive nach Batson)' },
  citation:
    'Batson, C. D., Fultz, J., & Schoenrade, P. A. (1987). Distress and empathy: Two ' +
    'qualitatively distinct vicarious emotions with different motivational consequences. ' +
    'Journal of Personality, 55(1), 19–39. Earlier use of empathy adjectives: Coke, J. S., ' +
    'Batson, C. D., & McDavis, K. (1978). Empathic mediation of helping: A two-stage model. ' +
    'Journal of Personality and Social Psychology, 36(7), 752–766. [Bibliographic details of ' +
    'both unverified; the adjective list was not checked against either article.] Adjectives ' +
    '(sympathetic, moved, compassionate, tender, warm, softhearted), 1 = not at all to 7 = ' +
    'extremely, score = mean: verified only in secondary sources (code repositories that ' +
    'administer "Batson\'s empathy scale"; domain.md §2.5 [S]). Instruction sentence: this ' +
    "project's wording. German: this project's translation, not a validated adaptation.",
  licence:
    'No licence terms recorded [unverified]; single-word adjective ratings are widely used in ' + 'research. Check before commercial use.',
  languages: ['en', 'de'],
  items: [
    {
      kind: 'instruction',
      id: 'batson_instruction',
      text: {
        en: 'How much did you feel each of the following emotions during the conversation? (1 = not at all, 7 = extremely)',
        de: 'Wie stark haben Sie während des Gesprächs jedes der folgenden Gefühle empfunden? (1 = überhaupt nicht, 7 = äußerst)',
      },
    },
    ...ADJECTIVES.map(adjectiveItem),
  ],
  scales: [
    {
      id: 'batson_ec',
      label: { en: 'Empathic concern (mean, 1–7)', de: 'Empathische Anteilnahme (Mittelwert, 1–7)' },
      items: ADJECTIVES.map(([adjective]) => `batson_${adjective}`),
      method: 'mean',
      // At most one of six adjectives missing.
      minAnswered: 5 / 6,
    },
  ],
});
