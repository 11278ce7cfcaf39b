import { shipInstrument } from './ship-instrument';
import type { Instrument, LikertItem } from '../types';

const endLabels = {
  min: { en: 'Strongly disagree', de: 'Stimme überhaupt nicht zu' },
  max: { en: 'Strongly agree', de: 'Stimme voll und ganz zu' },
};
const PARTNER_DE = 'meiner Gesprächspartnerin bzw. meinem Gesprächspartner';

function item(id: string, en: string, de: string, reverse = false): LikertItem {
  return { kind: 'likert', id: `trust_${id}`, text: { en, de }, points: 7, endLabels, reverse };
}

const ITEMS: readonly LikertItem[] = [
  item('honest', 'My conversation partner was honest with me.', 'Meine Gesprächspartnerin bzw. mein Gesprächspartner war ehrlich zu mir.'),
  item(
    'confide',
    'I would feel comfortable telling my conversation partner something personal.',
    `Ich würde mich wohl dabei fühlen, ${PARTNER_DE} etwas Persönliches zu erzählen.`,
  ),
  item(
    'promise',
    'If my conversation partner promised me something, I would trust them to keep it.',
    'Wenn meine Gesprächspartnerin bzw. mein Gesprächspartner mir etwas verspräche, würde ich darauf vertrauen, dass das Versprechen gehalten wird.',
  ),
  item(
    'guarded',
    'I felt I had to be careful about what I said to my conversation partner.',
    `Ich hatte das Gefühl, vorsichtig sein zu müssen, was ich ${PARTNER_DE} sage.`,
    true,
  ),
];

// Trust toward the conversation partner after one conversation. domain.md §2.7: the trust
// measure of Przybylski & Weinstein (2013) is unknown and the Rempel, Holmes & Zanna (1985) scale
// was not retrieved, so these four items are this project's own; one is reverse-keyed.
export const trustInstrument: Instrument = shipInstrument({
  id: 'trust',
  version: 1,
  title: { en: 'Trust in the conversation partner', de: 'Vertrauen in die Gesprächspartnerin bzw. den Gesprächspartner' },
  citation:
    "This project's own items (English and German), not a published scale and not validated. " +
    'Written because no verified trust measure is available: the measure used by Przybylski & ' +
    'Weinstein (2013) is unknown, and the Trust in Close Relationships scale (Rempel, Holmes & ' +
    'Zanna 1985) was not retrieved (domain.md §2.7). trust_guarded is reverse-keyed.',
  licence: "This project's own items; free to use.",
  languages: ['en', 'de'],
  items: ITEMS,
  scales: [
    {
      id: 'trust',
      label: { en: 'Trust in the partner (mean of 4 items, 1–7)', de: 'Vertrauen (Mittelwert aus 4 Items, 1–7)' },
      items: ITEMS.map((entry) => entry.id),
      method: 'mean',
      // At most one of four items missing.
      minAnswered: 0.75,
    },
  ],
});
