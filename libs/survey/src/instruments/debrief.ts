import { shipInstrument } from './ship-instrument';
import type { Instrument } from '../types';

// A short funnel debriefing for the end of a session: what participants think the study was
// about (suspicion probe) before a direct question about the room, so that the direct question
// does not suggest the answer to the open one. The comments box invites names and contact
// details however it is worded, so it is flagged identifying and deleted after retention.
export const debriefInstrument: Instrument = shipInstrument({
  id: 'debrief',
  version: 1,
  title: { en: 'Debriefing (suspicion probe)', de: 'Nachbefragung (Hypothesen-Check)' },
  citation:
    "This project's own items, in the order of the funnel debriefing of Bargh, J. A., & " +
    'Chartrand, T. L. (2000). The mind in the middle: A practical guide to priming and ' +
    'automaticity research. In H. T. Reis & C. M. Judd (Eds.), Handbook of research methods in ' +
    'social and personality psychology (pp. 253-285). Cambridge University Press.',
  licence: "This project's own items; free to use.",
  languages: ['en', 'de'],
  items: [
    {
      kind: 'text',
      id: 'debrief_purpose',
      required: false,
      maxLength: 1000,
      multiline: true,
      text: {
        en: 'In your own words: what do you think this study was about?',
        de: 'In eigenen Worten: Worum ging es Ihrer Meinung nach in dieser Studie?',
      },
    },
    {
      kind: 'single-choice',
      id: 'debrief_noticed',
      text: {
        en: 'Did anything in the room seem unusual or out of place to you?',
        de: 'Kam Ihnen im Raum etwas ungewöhnlich oder fehl am Platz vor?',
      },
      options: [
        { value: 'yes', label: { en: 'Yes', de: 'Ja' } },
        { value: 'no', label: { en: 'No', de: 'Nein' } },
      ],
    },
    {
      kind: 'text',
      id: 'debrief_comments',
      required: false,
      maxLength: 2000,
      multiline: true,
      identifying: true,
      text: {
        en: 'Anything else you would like to tell the researchers? Please do not write your name or contact details.',
        de: 'Möchten Sie den Forschenden noch etwas mitteilen? Bitte nennen Sie nicht Ihren Namen oder Ihre Kontaktdaten.',
      },
    },
  ],
  scales: [],
});
