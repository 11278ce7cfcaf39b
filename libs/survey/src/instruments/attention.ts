import { shipInstrument } from './ship-instrument';
import type { Instrument } from '../types';

// One instructed-response attention check of the kind Prolific allows (domain.md §2.9 [V]): it
// tests attention to the question itself, not memory, in normal type. A wrong answer is data
// (see attentionCheckResults), never a validation error; for studies of 5 minutes or more,
// Prolific requires two failed checks before a submission may be rejected.
export const attentionInstrument: Instrument = shipInstrument({
  id: 'attention',
  version: 1,
  title: { en: 'Attention check (instructed response)' },
  citation:
    "Instructed-response item following Prolific's attention-check policy (researcher help " +
    'centre; community moderators): allowed are instructional checks such as "click \'Strongly ' +
    'disagree\' for this question" and nonsensical items without a neutral midpoint; not allowed ' +
    'are checks relying on memory, tiny fonts, or repeated unchanging text. Studies of 5+ minutes ' +
    'need 2 failed checks before rejecting; failed comprehension checks call for a return.',
  licence: "This project's own item, written to Prolific's policy; free to use.",
  languages: ['en'],
  items: [
    {
      kind: 'attention-check',
      id: 'attention_instructed',
      style: 'instructed',
      text: {
        en: "It is important that you pay attention to this study. Please select 'Strongly disagree' for this question.",
      },
      options: [
        { value: 'strongly_disagree', label: { en: 'Strongly disagree' } },
        { value: 'disagree', label: { en: 'Disagree' } },
        { value: 'neither', label: { en: 'Neither agree nor disagree' } },
        { value: 'agree', label: { en: 'Agree' } },
        { value: 'strongly_agree', label: { en: 'Strongly agree' } },
      ],
      expected: 'strongly_disagree',
    },
  ],
  scales: [],
});
