import { shipInstrument } from './ship-instrument';
import type { Instrument } from '../types';

const endLabels = {
  min: { en: 'Not at all close', de: 'Überhaupt nicht nahe' },
  max: { en: 'Extremely close', de: 'Äußerst nahe' },
};

// Subjective Closeness Index as used by Aron et al. (1997). domain.md §2.2 [V] records the
// anchors and the two comparison phrases verbatim; the question stem around them is ours.
export const closenessSciInstrument: Instrument = shipInstrument({
  id: 'closeness_sci',
  version: 1,
  title: { en: 'Subjective Closeness Index', de: 'Subjektiver Nähe-Index' },
  citation:
    'Subjective Closeness Index as used by Aron, A., Melinat, E., Aron, E. N., Vallone, R. D., & ' +
    'Bator, R. J. (1997). The experimental generation of interpersonal closeness. Personality and ' +
    'Social Psychology Bulletin, 23(4), 363–377 [authors, volume, pages unverified]. Verbatim: the 7-point anchors and the phrases ' +
    '"relative to all your other relationships" and "relative to what you know about other ' +
    'people\'s relationships"; the stem "How close do you feel to your conversation partner" is ' +
    "this project's wording [unverified against the original]. German: project translation.",
  licence:
    'No licence terms recorded [unverified]; the items are short and widely reprinted in research. ' +
    'Check the original publication before commercial use.',
  languages: ['en', 'de'],
  items: [
    {
      kind: 'likert',
      id: 'sci_relative_own',
      text: {
        en: 'How close do you feel to your conversation partner, relative to all your other relationships?',
        de: 'Wie nahe fühlen Sie sich Ihrer Gesprächspartnerin bzw. Ihrem Gesprächspartner im Vergleich zu all Ihren anderen Beziehungen?',
      },
      points: 7,
      endLabels,
    },
    {
      kind: 'likert',
      id: 'sci_relative_others',
      text: {
        en: "How close do you feel to your conversation partner, relative to what you know about other people's relationships?",
        de: 'Wie nahe fühlen Sie sich Ihrer Gesprächspartnerin bzw. Ihrem Gesprächspartner im Vergleich zu dem, was Sie über die Beziehungen anderer Menschen wissen?',
      },
      points: 7,
      endLabels,
    },
  ],
  scales: [
    {
      id: 'sci',
      label: { en: 'Subjective closeness (mean of 2 items)', de: 'Subjektive Nähe (Mittelwert aus 2 Items)' },
      items: ['sci_relative_own', 'sci_relative_others'],
      method: 'mean',
      minAnswered: 1,
    },
  ],
});
