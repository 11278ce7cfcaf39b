import { defineInstrument, type Instrument } from '@attune/survey';

/*
 * The item kinds no shipped instrument uses yet (single-choice, multi-choice, slider, numeric,
 * text). defineInstrument checks the fixture with the same rules as a real instrument, so the
 * renderers are exercised on data the API could one day send.
 */
export const kindsInstrument: Instrument = defineInstrument({
  id: 'kinds_demo',
  version: 1,
  title: { en: 'Every remaining item kind' },
  citation: 'Test fixture for the participant item renderers.',
  licence: 'Test fixture.',
  languages: ['en'],
  items: [
    {
      kind: 'single-choice',
      id: 'seat_side',
      text: { en: 'Where did you sit?' },
      options: [
        { value: 'left', label: { en: 'On the left' } },
        { value: 'right', label: { en: 'On the right' } },
        { value: 'maybe', label: { en: 'Somewhere else' } },
      ],
    },
    {
      kind: 'multi-choice',
      id: 'topics',
      text: { en: 'Which topics came up? Tick at most two.' },
      maxSelected: 2,
      options: [
        { value: 'work', label: { en: 'Work or studies' } },
        { value: 'family', label: { en: 'Family' } },
        { value: 'travel', label: { en: 'Travel' } },
      ],
    },
    {
      kind: 'slider',
      id: 'enjoyment',
      text: { en: 'How much did you enjoy the conversation?' },
      endLabels: { min: { en: 'Not at all' }, max: { en: 'Very much' } },
    },
    { kind: 'numeric', id: 'age', text: { en: 'How old are you?' }, min: 16, max: 120, integer: true, unit: { en: 'years' } },
    { kind: 'text', id: 'one_word', text: { en: 'Describe the conversation in a few words.' }, maxLength: 20, multiline: true },
    { kind: 'text', id: 'remarks', text: { en: 'Anything else you would like to tell us?' }, maxLength: 500, required: false },
  ],
  scales: [],
});
