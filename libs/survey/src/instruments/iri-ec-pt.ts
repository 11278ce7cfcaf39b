import { shipInstrument } from './ship-instrument';
import type { Instrument, LikertItem } from '../types';

const endLabels = {
  min: { en: 'Does not describe me well' },
  max: { en: 'Describes me very well' },
};

/** IRI items keep Davis's numbering in their ids (iri_02 …) so they line up with the full IRI. */
function iriItem(number: number, text: string, reverse = false): LikertItem {
  const id = `iri_${String(number).padStart(2, '0')}`;
  return { kind: 'likert', id, text: { en: text }, points: 5, min: 0, endLabels, reverse };
}

// Davis (1980), Empathic Concern and Perspective Taking subscales, domain.md §2.4 [V]. Items in
// the original questionnaire order. Items 3 and 25 use the modern gender-neutral wording the
// sources give ("other person's", "their shoes") instead of "other guy's" and "his shoes".
export const iriEcPtInstrument: Instrument = shipInstrument({
  id: 'iri_ec_pt',
  version: 1,
  title: { en: 'Interpersonal Reactivity Index: Empathic Concern and Perspective Taking' },
  citation:
    'Davis, M. H. (1980). A multidimensional approach to individual differences in empathy. ' +
    'JSAS Catalog of Selected Documents in Psychology, 10, 85 [publication details unverified]. ' +
    'Items, A–E response format scored 0–4, subscale keys and reverse-keyed items as in ' +
    'jpoko/ccc-dashboard iri-detailed.md and other instrument files. Subscale score = sum (0–28).',
  licence: 'Widely described as free for non-commercial research [R, unverified]: confirm with ' + "Davis's published terms before use.",
  languages: ['en'],
  items: [
    iriItem(2, 'I often have tender, concerned feelings for people less fortunate than me.'),
    iriItem(3, "I sometimes find it difficult to see things from the 'other person's' point of view.", true),
    iriItem(4, "Sometimes I don't feel very sorry for other people when they are having problems.", true),
    iriItem(8, "I try to look at everybody's side of a disagreement before I make a decision."),
    iriItem(9, 'When I see someone being taken advantage of, I feel kind of protective towards them.'),
    iriItem(11, 'I sometimes try to understand my friends better by imagining how things look from their perspective.'),
    iriItem(14, "Other people's misfortunes do not usually disturb me a great deal.", true),
    iriItem(15, "If I'm sure I'm right about something, I don't waste much time listening to other people's arguments.", true),
    iriItem(18, "When I see someone being treated unfairly, I sometimes don't feel very much pity for them.", true),
    iriItem(20, 'I am often quite touched by things that I see happen.'),
    iriItem(21, 'I believe that there are two sides to every question and try to look at them both.'),
    iriItem(22, 'I would describe myself as a pretty soft-hearted person.'),
    iriItem(25, "When I'm upset at someone, I usually try to 'put myself in their shoes' for a while."),
    iriItem(28, 'Before criticizing somebody, I try to imagine how I would feel if I were in their place.'),
  ],
  scales: [
    {
      id: 'iri_ec',
      label: { en: 'IRI Empathic Concern (sum, 0–28)' },
      items: ['iri_02', 'iri_04', 'iri_09', 'iri_14', 'iri_18', 'iri_20', 'iri_22'],
      method: 'sum',
      // At most one of seven items missing; the sum is then prorated (see README).
      minAnswered: 6 / 7,
    },
    {
      id: 'iri_pt',
      label: { en: 'IRI Perspective Taking (sum, 0–28)' },
      items: ['iri_03', 'iri_08', 'iri_11', 'iri_15', 'iri_21', 'iri_25', 'iri_28'],
      method: 'sum',
      minAnswered: 6 / 7,
    },
  ],
});
