import { shipInstrument } from './ship-instrument';
import type { Instrument, LikertItem } from '../types';

const ADJECTIVES = ['sympathetic', 'moved', 'compassionate', 'tender', 'warm', 'softhearted'];

function adjectiveItem(adjective: string): LikertItem {
  const word = adjective.charAt(0).toUpperCase() + adjective.slice(1);
  return {
    kind: 'likert',
    id: `batson_${adjective}`,
    text: { en: word },
    points: 7,
    endLabels: { min: { en: 'Not at all' }, max: { en: 'Extremely' } },
  };
}

// Batson's empathic-concern adjectives (state empathy), domain.md §2.5 [S]: the six adjectives
// and the 1–7 "not at all" – "extremely" rating; score = mean. The instruction sentence, which
// ties the ratings to the conversation, is this project's wording.
export const batsonEcInstrument: Instrument = shipInstrument({
  id: 'batson_ec',
  version: 1,
  title: { en: 'Empathic concern adjectives (Batson)' },
  citation:
    "Batson's empathic-concern adjectives (state empathy): sympathetic, moved, compassionate, " +
    'tender, warm, softhearted; 1 = not at all to 7 = extremely; score = mean. Verified only in ' +
    'secondary sources (code repositories that administer "Batson\'s empathy scale") [S]; check ' +
    "against Batson's original publications. Instruction sentence: this project's wording.",
  licence:
    'No licence terms recorded [unverified]; single-word adjective ratings are widely used in ' + 'research. Check before commercial use.',
  languages: ['en'],
  items: [
    {
      kind: 'instruction',
      id: 'batson_instruction',
      text: {
        en: 'How much did you feel each of the following emotions during the conversation? (1 = not at all, 7 = extremely)',
      },
    },
    ...ADJECTIVES.map(adjectiveItem),
  ],
  scales: [
    {
      id: 'batson_ec',
      label: { en: 'Empathic concern (mean, 1–7)' },
      items: ADJECTIVES.map((adjective) => `batson_${adjective}`),
      method: 'mean',
      // At most one of six adjectives missing.
      minAnswered: 5 / 6,
    },
  ],
});
