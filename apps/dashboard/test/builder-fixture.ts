import type { Design } from '@/lib/builder/types';

/** The phone × seating template's design (apps/api/src/studies/study-templates.ts), trimmed to what the builder reads. */
export function phoneSeating(): Design {
  return {
    factors: [
      {
        id: 'phone',
        label: 'Phone on the desk',
        levels: [
          { id: 'present', label: 'Phone present', setup: 'Place the study phone.', sets: { table_object: 'phone' } },
          { id: 'absent', label: 'Nothing on the desk', setup: 'Clear the desk.', sets: { table_object: 'nothing' } },
        ],
      },
      {
        id: 'seating',
        label: 'Seating',
        exploratory: true,
        levels: [
          {
            id: 'face_to_face',
            label: 'Face to face',
            instructions: { en: 'Sit facing each other.', de: 'Setzen Sie sich gegenüber.' },
            sets: { seating: 'face_to_face' },
          },
          {
            id: 'side_by_side',
            label: 'Side by side',
            instructions: { en: 'Sit next to each other.', de: 'Setzen Sie sich nebeneinander.' },
            sets: { seating: 'side_by_side' },
          },
        ],
      },
    ],
    conditionWeights: {},
    covariates: [
      {
        id: 'acquainted',
        label: 'Acquainted',
        source: 'participant',
        relation: 'partner',
        question: { en: 'Did you know your partner?' },
        levels: [
          { id: 'strangers', label: 'Strangers', text: { en: 'No' } },
          { id: 'acquainted', label: 'Acquainted', text: { en: 'Yes' } },
        ],
      },
      {
        id: 'phone_seen',
        label: 'Phone seen',
        source: 'observed',
        levels: [
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
        ],
      },
    ],
    stratifyBy: ['acquainted'],
    sessionSize: 2,
    targetSessionsPerCondition: 30,
    randomisation: { scheme: 'stratified_permuted_blocks', blockMultipliers: [1, 2, 3] },
    dropoutPolicy: 'keep_as_randomised',
    instruments: {
      pre: [
        { id: 'i_panas_sf', version: 1 },
        { id: 'ios', version: 2 },
      ],
      post: [
        { id: 'ios', version: 2 },
        { id: 'check_phone', version: 2 },
      ],
    },
    conversation: { durationSeconds: 600, instructions: { en: 'Talk about the most meaningful events of the past year.' } },
    consent: { version: '1', text: { en: 'You are invited…' } },
    languages: ['en'],
    completion: { kind: 'code', code: 'ATTUNE-PS' },
  };
}
