import type { FactorDesign, StudyDesign } from './study-design';

export interface StudyTemplate {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly design: StudyDesign;
}

const PHONE_PLACEMENT = { en: 'Place one phone face down on the table between you, in view but not in anyone\'s hand. It belongs to neither of you; leave it there for the whole conversation.' };
const NOTEBOOK_PLACEMENT = { en: 'Place the notebook face down on the table between you, in view. Leave it there for the whole conversation.' };
const PHONES_AWAY = { en: 'Put all phones away, out of sight (in a bag or a pocket), for the whole conversation.' };

const phonePresentVsNotebook: FactorDesign = {
  id: 'phone',
  label: 'Mobile phone on the table',
  levels: [
    { id: 'present', label: 'Phone present', instructions: PHONE_PLACEMENT },
    { id: 'notebook', label: 'Notebook instead (control)', instructions: NOTEBOOK_PLACEMENT },
  ],
};

const phonePresentVsAbsent: FactorDesign = {
  id: 'phone',
  label: 'Mobile phone on the table',
  levels: [
    { id: 'present', label: 'Phone present', instructions: PHONE_PLACEMENT },
    { id: 'absent', label: 'Phone absent', instructions: PHONES_AWAY },
  ],
};

// Misra et al. (2016) wording, adapted from Aron et al. (1992) and Przybylski & Weinstein (2013).
const topic: FactorDesign = {
  id: 'topic',
  label: 'Conversation topic',
  levels: [
    { id: 'casual', label: 'Casual', topicPrompt: { en: 'Talk about your thoughts and feelings about plastic holiday trees.' } },
    { id: 'meaningful', label: 'Meaningful', topicPrompt: { en: 'Talk about the most meaningful events of the past year.' } },
  ],
};

// No controlled study compares these seatings, so the factor is marked exploratory.
const seating: FactorDesign = {
  id: 'seating',
  label: 'Seating',
  exploratory: true,
  levels: [
    { id: 'face_to_face', label: 'Face to face', instructions: { en: 'Sit facing each other across the table.' } },
    { id: 'side_by_side', label: 'Side by side', instructions: { en: 'Sit next to each other on the same side of the table, both facing the same way.' } },
  ],
};

const acquainted = {
  id: 'acquainted',
  label: 'Did the partners know each other before?',
  source: 'participant' as const,
  question: { en: 'Did you know your conversation partner before today?' },
  levels: [
    { id: 'strangers', label: 'Strangers', text: { en: 'No, we had not met before' } },
    { id: 'acquainted', label: 'Acquainted', text: { en: 'Yes, we knew each other' } },
  ],
};

const phoneSeen = {
  id: 'phone_seen',
  label: 'Phone visible on the table (observed by the research assistant)',
  source: 'observed' as const,
  levels: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }],
};

const base = {
  conditionWeights: {},
  sessionSize: 2,
  targetSessionsPerCondition: 30,
  randomisation: { scheme: 'permuted_blocks' as const, blockMultipliers: [1, 2, 3] },
  dropoutPolicy: 'keep_as_randomised' as const,
  conversation: { durationSeconds: 600, instructions: { en: 'Talk with your partner about the topic on the card until the timer ends.' } },
  consent: {
    version: '1',
    text: { en: 'You are invited to take part in a study about conversations. You will answer short questionnaires before and after a 10-minute conversation with another participant. Your answers are stored under a pseudonym and used for research only. You may stop at any time without giving a reason.' },
  },
  languages: ['en'],
};

export const STUDY_TEMPLATES: readonly StudyTemplate[] = [
  {
    id: 'phone_topic',
    title: 'Phone presence × conversation topic (after Przybylski & Weinstein 2013, Exp. 2)',
    description: 'Strangers in dyads talk for 10 minutes with a phone or a notebook on the table, about a casual or a meaningful topic.',
    design: {
      ...base,
      factors: [phonePresentVsNotebook, topic],
      covariates: [acquainted, phoneSeen],
      stratifyBy: [],
      instruments: { pre: [{ id: 'i_panas_sf', version: 1 }], post: [{ id: 'closeness_check', version: 1 }, { id: 'ios', version: 1 }, { id: 'batson_ec', version: 1 }, { id: 'check_phone', version: 1 }, { id: 'attention', version: 1 }] },
      completion: { kind: 'code', code: 'ATTUNE-PT' },
    },
  },
  {
    id: 'phone_seating',
    title: 'Phone presence × seating (seating exploratory)',
    description: 'Dyads talk with or without a phone on the table, sitting face to face or side by side. No original study exists for seating.',
    design: {
      ...base,
      factors: [phonePresentVsAbsent, seating],
      covariates: [acquainted, phoneSeen],
      stratifyBy: ['acquainted'],
      randomisation: { scheme: 'stratified_permuted_blocks', blockMultipliers: [1, 2, 3] },
      conversation: { ...base.conversation, instructions: { en: 'Talk about the most meaningful events of the past year until the timer ends.' } },
      instruments: { pre: [{ id: 'i_panas_sf', version: 1 }], post: [{ id: 'ios', version: 1 }, { id: 'closeness_sci', version: 1 }, { id: 'batson_ec', version: 1 }, { id: 'check_phone', version: 1 }, { id: 'check_seating', version: 1 }] },
      completion: { kind: 'code', code: 'ATTUNE-PS' },
    },
  },
  {
    id: 'phone_only',
    title: 'Phone presence alone',
    description: 'Dyads talk for 10 minutes with or without a phone on the table.',
    design: {
      ...base,
      factors: [phonePresentVsAbsent],
      covariates: [acquainted, phoneSeen],
      stratifyBy: [],
      instruments: { pre: [], post: [{ id: 'ios', version: 1 }, { id: 'closeness_check', version: 1 }, { id: 'check_phone', version: 1 }] },
      completion: { kind: 'code', code: 'ATTUNE-P' },
    },
  },
];

export function findTemplate(id: string): StudyTemplate | undefined {
  return STUDY_TEMPLATES.find((template) => template.id === id);
}
