import { shipInstrument } from './ship-instrument';
import type { Instrument, LikertItem } from '../types';

// Intensity anchors as in the PANAS (and the NCMlab I-PANAS-SF file).
const pointLabels = [
  { en: 'Very slightly or not at all' },
  { en: 'A little' },
  { en: 'Moderately' },
  { en: 'Quite a bit' },
  { en: 'Extremely' },
];
// The short form's ten words in their published order.
const WORDS = ['upset', 'hostile', 'alert', 'ashamed', 'inspired', 'nervous', 'determined', 'attentive', 'afraid', 'active'];
const POSITIVE = ['alert', 'inspired', 'determined', 'attentive', 'active'];
const NEGATIVE = ['upset', 'hostile', 'ashamed', 'nervous', 'afraid'];

function moodItem(word: string): LikertItem {
  const text = word.charAt(0).toUpperCase() + word.slice(1);
  return { kind: 'likert', id: `panas_${word}`, text: { en: text }, points: 5, pointLabels };
}

// I-PANAS-SF, domain.md §2.8: the ten words [V]; the PA/NA split and the use of intensity
// rather than frequency anchors are [R] and marked so in the citation.
export const iPanasSfInstrument: Instrument = shipInstrument({
  id: 'i_panas_sf',
  version: 1,
  title: { en: 'International PANAS Short Form (I-PANAS-SF)' },
  citation:
    'Thompson, E. R. (2007). Development and validation of an internationally reliable ' +
    'short-form of the Positive and Negative Affect Schedule (PANAS). Journal of Cross-Cultural ' +
    'Psychology, 38(2), 227–242 [publication details unverified]. Words and instruction as in ' +
    'jspsych/experiment-demos, nivlab/jspsych-demos and NCMLab panasSF.js. Unverified [R]: the ' +
    'PA/NA split (PA = alert, inspired, determined, attentive, active; NA = upset, hostile, ' +
    "ashamed, nervous, afraid) and the anchors: Thompson's original used frequency anchors " +
    '("never … always"); this version uses the PANAS intensity anchors, as the NCMlab file does.',
  licence:
    'PANAS © American Psychological Association 1988 [R, unverified]; routinely used in ' +
    'research. Check the terms before any commercial use.',
  languages: ['en'],
  items: [
    {
      kind: 'instruction',
      id: 'panas_instruction',
      text: {
        en: 'Indicate to what extent you feel this way right now, that is, at the present moment.',
      },
    },
    ...WORDS.map(moodItem),
  ],
  scales: [
    {
      id: 'panas_pa',
      label: { en: 'Positive affect (sum, 5–25)' },
      items: POSITIVE.map((word) => `panas_${word}`),
      method: 'sum',
      // At most one of five words missing; the sum is then prorated.
      minAnswered: 0.8,
    },
    {
      id: 'panas_na',
      label: { en: 'Negative affect (sum, 5–25)' },
      items: NEGATIVE.map((word) => `panas_${word}`),
      method: 'sum',
      minAnswered: 0.8,
    },
  ],
});
