import type { Design } from '@/lib/preview/conditions';

// The shape of the phone × seating template (apps/api/src/studies/study-templates.ts), trimmed.
export function design(overrides: Partial<Design> = {}): Design {
  return {
    factors: [
      {
        id: 'phone',
        label: 'Phone on the desk',
        levels: [
          { id: 'present', label: 'Phone present', setup: 'Place the study phone on the desk.', sets: { table_object: 'phone' } },
          { id: 'absent', label: 'Nothing on the desk', setup: 'Keep the desk empty.', sets: { table_object: 'nothing' } },
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
            instructions: { en: 'Sit facing each other.', de: 'Setzen Sie sich einander gegenüber.' },
          },
          {
            id: 'side_by_side',
            label: 'Side by side',
            instructions: { en: 'Sit next to each other.' },
            topicPrompt: { en: 'Talk about trees.' },
          },
        ],
      },
    ],
    conditionWeights: {},
    covariates: [
      {
        id: 'acquainted',
        label: 'Knew each other',
        source: 'participant',
        relation: 'partner',
        question: { en: 'Did you know your partner?', de: 'Kannten Sie sich?' },
        levels: [
          { id: 'strangers', label: 'Strangers', text: { en: 'No', de: 'Nein' } },
          { id: 'acquainted', label: 'Acquainted', text: { en: 'Yes', de: 'Ja' } },
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
      pre: [{ id: 'ios', version: 2 }],
      post: [
        { id: 'ios', version: 2 },
        { id: 'check_phone', version: 2 },
      ],
    },
    conversation: { durationSeconds: 600, instructions: { en: 'Talk until the time is up.', de: 'Sprechen Sie, bis die Zeit um ist.' } },
    consent: { version: '3', text: { en: 'You are invited.', de: 'Sie sind eingeladen.' } },
    languages: ['en', 'de'],
    completion: { kind: 'code', code: 'ATTUNE-PS' },
    ...overrides,
  };
}
