import { shipInstrument } from './ship-instrument';
import type { Instrument } from '../types';

const partner = {
  en: 'the participant with whom you are working on this study',
  de: 'der Person, mit der Sie in dieser Studie zusammenarbeiten',
};
const notAtAll = { en: 'Not at all', de: 'Überhaupt nicht' };

// The four 9-point check items of the Relationship Closeness Induction Task, domain.md §2.3 [V].
// The source's "…" stands for the first item's phrase, repeated here; its "to what extend [sic]"
// is corrected to "extent" (a typo, not a change of meaning).
export const closenessCheckInstrument: Instrument = shipInstrument({
  id: 'closeness_check',
  version: 1,
  title: { en: 'Closeness check (RCIT)', de: 'Nähe-Check (RCIT)' },
  citation:
    'Closeness-induction check items of the Relationship Closeness Induction Task, as given in ' +
    'the RCIT.rst file of the Kodiologist/Hazard repository. Attribution to Sedikides et al. is ' +
    'unverified [R]. English wording verbatim except "extend" [sic] → "extent". German: project ' +
    'translation.',
  licence:
    'No licence terms recorded [unverified]: check the terms of the source repository and the ' +
    'original RCIT publication before commercial use.',
  languages: ['en', 'de'],
  items: [
    {
      kind: 'likert',
      id: 'rcit_close',
      text: {
        en: `How close do you feel to ${partner.en}?`,
        de: `Wie nahe fühlen Sie sich ${partner.de}?`,
      },
      points: 9,
      endLabels: { min: { en: 'Not at all close', de: 'Überhaupt nicht nahe' }, max: { en: 'Very close', de: 'Sehr nahe' } },
    },
    {
      kind: 'likert',
      id: 'rcit_similar',
      text: {
        en: `How similar do you feel to ${partner.en}?`,
        de: `Wie ähnlich fühlen Sie sich ${partner.de}?`,
      },
      points: 9,
      endLabels: { min: notAtAll, max: { en: 'Very similar', de: 'Sehr ähnlich' } },
    },
    {
      kind: 'likert',
      id: 'rcit_like',
      text: {
        en: `How much do you like ${partner.en}?`,
        de: 'Wie sehr mögen Sie die Person, mit der Sie in dieser Studie zusammenarbeiten?',
      },
      points: 9,
      endLabels: { min: notAtAll, max: { en: 'Very much', de: 'Sehr' } },
    },
    {
      kind: 'likert',
      id: 'rcit_friends',
      text: {
        en: `In the future, to what extent do you feel you could be friends with ${partner.en}?`,
        de: 'Inwieweit könnten Sie sich vorstellen, in Zukunft mit der Person, mit der Sie in dieser Studie zusammenarbeiten, befreundet zu sein?',
      },
      points: 9,
      endLabels: { min: notAtAll, max: { en: 'Very much', de: 'Sehr gut' } },
    },
  ],
  scales: [
    {
      // A convenience composite; the four items are exported raw as well.
      id: 'rcit_closeness',
      label: { en: 'Closeness check (mean of 4 items)', de: 'Nähe-Check (Mittelwert aus 4 Items)' },
      items: ['rcit_close', 'rcit_similar', 'rcit_like', 'rcit_friends'],
      method: 'mean',
      minAnswered: 0.75,
    },
  ],
});
