import { defineInstrument } from '../define-instrument';
import type { Instrument } from '../types';

// A test instrument holding every item kind once (twice for likert: plain and reverse-keyed),
// in English and German, so that each rule can be exercised from a table.
const en = (text: string) => ({ en: text, de: `${text} (de)` });

export const sampler: Instrument = defineInstrument({
  id: 'sampler',
  version: 1,
  title: en('Sampler'),
  citation: 'Test fixture.',
  licence: 'Test fixture.',
  languages: ['en', 'de'],
  items: [
    { kind: 'instruction', id: 'intro', text: en('Please answer every question.') },
    {
      kind: 'likert',
      id: 'mood',
      text: en('Mood'),
      points: 5,
      pointLabels: [en('Very bad'), en('Bad'), en('So-so'), en('Good'), en('Very good')],
    },
    {
      kind: 'likert',
      id: 'calm',
      text: en('Tense'),
      points: 5,
      reverse: true,
      endLabels: { min: en('Not at all'), max: en('Very') },
    },
    {
      kind: 'ios',
      id: 'overlap',
      text: en('Which picture?'),
      selfLabel: en('Self'),
      otherLabel: en('Other'),
      pointLabels: [1, 2, 3, 4, 5, 6, 7].map((n) => en(`Overlap ${n}`)),
    },
    { kind: 'slider', id: 'warmth', text: en('Warmth'), endLabels: { min: en('Cold'), max: en('Warm') } },
    {
      kind: 'single-choice',
      id: 'topic',
      text: en('Topic'),
      options: [
        { value: 'casual', label: en('Casual') },
        { value: 'meaningful', label: en('Meaningful') },
      ],
    },
    {
      kind: 'multi-choice',
      id: 'devices',
      text: en('Devices seen'),
      maxSelected: 2,
      options: [
        { value: 'phone', label: en('Phone') },
        { value: 'laptop', label: en('Laptop') },
        { value: 'watch', label: en('Watch') },
      ],
    },
    { kind: 'numeric', id: 'age', text: en('Age'), min: 18, max: 99, integer: true, unit: en('years') },
    { kind: 'numeric', id: 'hours', text: en('Hours of sleep'), min: 0, max: 24, integer: false },
    { kind: 'text', id: 'comment', text: en('Anything else?'), maxLength: 10, required: false },
    {
      kind: 'attention-check',
      id: 'attn',
      style: 'nonsensical',
      text: en('I swim across the Atlantic Ocean to get to work every day.'),
      options: [
        { value: 'strongly_disagree', label: en('Strongly disagree') },
        { value: 'disagree', label: en('Disagree') },
        { value: 'agree', label: en('Agree') },
        { value: 'strongly_agree', label: en('Strongly agree') },
      ],
      expected: 'strongly_disagree',
    },
    {
      kind: 'manipulation-check',
      id: 'phone_seen',
      purpose: 'manipulation',
      text: en('Was there a phone in the room?'),
      factor: 'phone',
      options: [
        { value: 'yes', label: en('Yes') },
        { value: 'no', label: en('No') },
      ],
      expectedByLevel: { present: 'yes', absent: 'no' },
    },
  ],
  scales: [
    { id: 'affect', label: en('Affect'), items: ['mood', 'calm'], method: 'mean', minAnswered: 1 },
    { id: 'affect_sum', label: en('Affect sum'), items: ['mood', 'calm'], method: 'sum', minAnswered: 0.5 },
  ],
});

/** A complete, valid answer set for the sampler. */
export const samplerAnswers = {
  intro: null,
  mood: 4,
  calm: 2,
  overlap: 5,
  warmth: 62.5,
  topic: 'meaningful',
  devices: ['phone'],
  age: 34,
  hours: 7.5,
  comment: 'fine',
  attn: 'strongly_disagree',
  phone_seen: 'yes',
};
