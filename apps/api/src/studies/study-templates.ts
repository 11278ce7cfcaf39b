import type { CovariateDesign, FactorDesign, InstrumentRef, StudyDesign } from './study-design';

export interface StudyTemplate {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The study it replicates or is inspired by; null for a design of one's own. */
  readonly replicates: string | null;
  /** How it deviates from that study, one point each. */
  readonly deviations: readonly string[];
  readonly design: StudyDesign;
}

const PW2013 =
  'Przybylski, A. K., & Weinstein, N. (2013). Can you connect with me now? How the presence of mobile communication technology influences face-to-face conversation quality. Journal of Social and Personal Relationships, 30(3), 237–246.';
const OWN_PHONES_AWAY = "The participants' own phones are put away in every arm; only the study phone is manipulated.";
const VALIDATED_SCALES =
  "The original's outcome scales could not be verified, so validated instruments stand in for them (IOS, state empathy, perceived partner responsiveness, trust).";

// The experimenter sets the room (domain.md §7): in Przybylski & Weinstein (2013) a phone that
// belonged to neither participant, or a pocket notebook, lay "unobtrusively on a desk to the
// side", in view but out of either person's direct line of sight. So placing the object is the
// research assistant's set-up (lab console), never a participant instruction. In every arm the
// participants' own phones are put away before the conversation (the phones say so themselves).
const STUDY_PHONE =
  "Before the participants sit down, place the study phone (a plain phone that belongs to neither participant), screen down, on a desk to the side: in view, but out of either person's direct line of sight. Leave it there for the whole conversation.";
const NOTEBOOK =
  "Before the participants sit down, place the pocket notebook, closed, on a desk to the side: in view, but out of either person's direct line of sight. Leave it there for the whole conversation.";
const NOTHING =
  'Make sure the desk to the side and the table are empty: no phone, notebook or other object. Nothing is placed for this condition.';

const phonePresentVsNotebook: FactorDesign = {
  id: 'phone',
  label: 'Object on the desk (phone vs notebook)',
  levels: [
    { id: 'present', label: 'Phone present', setup: STUDY_PHONE, sets: { table_object: 'phone' } },
    { id: 'notebook', label: 'Notebook instead (control)', setup: NOTEBOOK, sets: { table_object: 'notebook' } },
  ],
};

const phonePresentVsAbsent: FactorDesign = {
  id: 'phone',
  label: 'Phone on the desk (present vs absent)',
  levels: [
    { id: 'present', label: 'Phone present', setup: STUDY_PHONE, sets: { table_object: 'phone' } },
    { id: 'absent', label: 'Nothing on the desk', setup: NOTHING, sets: { table_object: 'nothing' } },
  ],
};

// Misra et al. (2016) wording, adapted from Aron et al. (1992) and Przybylski & Weinstein (2013).
const MEANINGFUL = {
  en: 'Talk about the most meaningful events of the past year.',
  de: 'Sprechen Sie über die bedeutsamsten Ereignisse des vergangenen Jahres.',
};
const topic: FactorDesign = {
  id: 'topic',
  label: 'Conversation topic',
  levels: [
    {
      id: 'casual',
      label: 'Casual',
      topicPrompt: {
        en: 'Talk about your thoughts and feelings about plastic holiday trees.',
        de: 'Sprechen Sie über Ihre Gedanken und Gefühle zu künstlichen Weihnachtsbäumen.',
      },
    },
    { id: 'meaningful', label: 'Meaningful', topicPrompt: MEANINGFUL },
  ],
};

// No controlled study compares these seatings (domain.md §1.4), so the factor is exploratory.
// Seating is something the participants do themselves, so it is a phone instruction; the
// research assistant arranges the chairs.
const seating: FactorDesign = {
  id: 'seating',
  label: 'Seating',
  exploratory: true,
  levels: [
    {
      id: 'face_to_face',
      label: 'Face to face',
      instructions: { en: 'Sit facing each other across the table.', de: 'Setzen Sie sich am Tisch einander gegenüber.' },
      setup: 'Put the two chairs facing each other across the table.',
      sets: { seating: 'face_to_face' },
    },
    {
      id: 'side_by_side',
      label: 'Side by side',
      instructions: {
        en: 'Sit next to each other on the same side of the table, both facing the same way.',
        de: 'Setzen Sie sich nebeneinander auf dieselbe Seite des Tisches, beide in dieselbe Richtung blickend.',
      },
      setup: 'Put the two chairs next to each other on the same side of the table, facing the same way.',
      sets: { seating: 'side_by_side' },
    },
  ],
};

// About the partner, so asked only once the participant sits with them (online: after pairing).
const acquainted: CovariateDesign = {
  id: 'acquainted',
  label: 'Did the partners know each other before?',
  source: 'participant',
  relation: 'partner',
  question: {
    en: 'Did you know your conversation partner before today?',
    de: 'Kannten Sie Ihre Gesprächspartnerin bzw. Ihren Gesprächspartner schon vor heute?',
  },
  levels: [
    { id: 'strangers', label: 'Strangers', text: { en: 'No, we had not met before', de: 'Nein, wir kannten uns nicht' } },
    { id: 'acquainted', label: 'Acquainted', text: { en: 'Yes, we knew each other', de: 'Ja, wir kannten uns' } },
  ],
};

const phoneSeen: CovariateDesign = {
  id: 'phone_seen',
  label: 'A phone was visible on the table or desk during the conversation (observed by the research assistant)',
  source: 'observed',
  levels: [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ],
};

const ref = (id: string, version: number): InstrumentRef => ({ id, version });

// Closeness (IOS) and state empathy before (after the partners have met) and after the
// conversation, so change scores exist; mood before; after: perceived partner responsiveness
// (what these studies call empathy), trust, the conversation process, then the checks.
const PRE: readonly InstrumentRef[] = [ref('i_panas_sf', 1), ref('ios', 2), ref('batson_ec', 2)];
const POST_OUTCOMES: readonly InstrumentRef[] = [
  ref('ios', 2),
  ref('batson_ec', 2),
  ref('partner_responsiveness', 1),
  ref('trust', 1),
  ref('conversation_process', 1),
];

function consentFor(procedure: string): StudyDesign['consent'] {
  return {
    version: '1',
    text: {
      en: `You are invited to take part in a study about conversations. ${procedure} Before the conversation you put your own phone away (screen off, in a bag or pocket). You will answer short questionnaires on your phone before and after the conversation. Your answers are stored under a pseudonym and used for research only. You may stop at any time without giving a reason.`,
    },
  };
}

const base = {
  conditionWeights: {},
  sessionSize: 2,
  targetSessionsPerCondition: 30,
  randomisation: { scheme: 'permuted_blocks' as const, blockMultipliers: [1, 2, 3] },
  dropoutPolicy: 'keep_as_randomised' as const,
  conversation: {
    durationSeconds: 600,
    instructions: { en: 'Talk with your partner about the topic on the card until the research assistant tells you the time is up.' },
  },
  languages: ['en'],
};

export const STUDY_TEMPLATES: readonly StudyTemplate[] = [
  {
    id: 'phone_topic',
    title: 'Phone presence × conversation topic (inspired by Przybylski & Weinstein 2013, Exp. 2)',
    description:
      'Strangers in dyads talk for 10 minutes about a casual or a meaningful topic while a phone or a notebook lies on a desk to the side. ' +
      "Inspired by, not a direct replication of, Przybylski & Weinstein (2013) Exp. 2. Deviations: the original's outcome scales could not be verified, so " +
      'validated instruments stand in for them (IOS, state empathy, perceived partner responsiveness, trust); closeness and empathy are also measured before the ' +
      "conversation (after introductions) to allow change scores; mood is measured before; the participants' own phones are put away in both arms; " +
      'manipulation checks ask what lay on the table; sessions may also run online without an experimenter.',
    replicates: `${PW2013} Experiment 2.`,
    deviations: [
      VALIDATED_SCALES,
      'Closeness and empathy are also measured before the conversation (after introductions), so change scores exist; mood is measured before.',
      OWN_PHONES_AWAY,
      'Manipulation checks ask what lay on the table.',
      'Sessions may also run online, without an experimenter.',
    ],
    design: {
      ...base,
      factors: [phonePresentVsNotebook, topic],
      covariates: [acquainted, phoneSeen],
      stratifyBy: [],
      instruments: { pre: PRE, post: [...POST_OUTCOMES, ref('check_phone', 2), ref('attention', 1)] },
      consent: consentFor('You will talk with another participant for 10 minutes about a topic we give you, in a room we have prepared.'),
      completion: { kind: 'code', code: 'ATTUNE-PT' },
    },
  },
  {
    id: 'phone_seating',
    title: 'Phone presence × seating (seating exploratory)',
    description:
      'Dyads talk for 10 minutes about the most meaningful events of the past year, with or without a phone on a desk to the side, sitting face to face or side by side. No original study exists for seating.',
    replicates: `${PW2013} The phone factor; seating is new.`,
    deviations: [
      'The control arm has nothing on the desk instead of a notebook.',
      'Every dyad talks about the meaningful topic.',
      'Seating (face to face or side by side) is a new, exploratory factor: no original study compares seatings.',
      'Allocation is stratified by whether the partners knew each other.',
      VALIDATED_SCALES,
      OWN_PHONES_AWAY,
    ],
    design: {
      ...base,
      factors: [phonePresentVsAbsent, seating],
      covariates: [acquainted, phoneSeen],
      stratifyBy: ['acquainted'],
      randomisation: { scheme: 'stratified_permuted_blocks', blockMultipliers: [1, 2, 3] },
      conversation: {
        ...base.conversation,
        instructions: { en: `${MEANINGFUL.en} Keep talking until the research assistant tells you the time is up.` },
      },
      instruments: { pre: PRE, post: [...POST_OUTCOMES, ref('check_phone', 2), ref('check_seating', 2), ref('attention', 1)] },
      consent: consentFor(
        'You will talk with another participant for 10 minutes about the most meaningful events of your past year; we will ask you to sit in a particular way.',
      ),
      completion: { kind: 'code', code: 'ATTUNE-PS' },
    },
  },
  {
    id: 'phone_only',
    title: 'Phone presence alone',
    description:
      'Dyads talk for 10 minutes about the most meaningful events of the past year, with or without a phone on a desk to the side.',
    replicates: `${PW2013} The phone factor with the meaningful topic.`,
    deviations: [
      'The control arm has nothing on the desk instead of a notebook.',
      'Every dyad talks about the meaningful topic.',
      VALIDATED_SCALES,
      OWN_PHONES_AWAY,
    ],
    design: {
      ...base,
      factors: [phonePresentVsAbsent],
      covariates: [acquainted, phoneSeen],
      stratifyBy: [],
      conversation: {
        ...base.conversation,
        instructions: { en: `${MEANINGFUL.en} Keep talking until the research assistant tells you the time is up.` },
      },
      instruments: { pre: PRE, post: [...POST_OUTCOMES, ref('check_phone', 2)] },
      consent: consentFor(
        'You will talk with another participant for 10 minutes about the most meaningful events of your past year, in a room we have prepared.',
      ),
      completion: { kind: 'code', code: 'ATTUNE-P' },
    },
  },
  {
    id: 'blank',
    title: 'Start from scratch',
    description:
      'One factor with two placeholder levels and nothing else: name the factors and levels, write the texts and pick the instruments. Launch lists what is still missing.',
    replicates: null,
    deviations: [],
    design: {
      ...base,
      factors: [
        {
          id: 'factor',
          label: 'Factor',
          levels: [
            { id: 'level_a', label: 'Level A' },
            { id: 'level_b', label: 'Level B' },
          ],
        },
      ],
      covariates: [],
      stratifyBy: [],
      conversation: { durationSeconds: 600, instructions: { en: '' } },
      instruments: { pre: [], post: [] },
      consent: { version: '1', text: { en: '' } },
      completion: { kind: 'code', code: 'ATTUNE-DONE' },
    },
  },
];

export function findTemplate(id: string): StudyTemplate | undefined {
  return STUDY_TEMPLATES.find((template) => template.id === id);
}
