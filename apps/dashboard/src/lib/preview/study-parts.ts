import type { components } from '@/lib/api/schema';

export type StudyFacts = Pick<components['schemas']['StudyResponse'], 'status' | 'role'>;
export type StudyPath =
  '' | '/design' | '/preview' | '/launch' | '/amend' | '/monitor' | '/results' | '/replication' | '/export' | '/lab' | '/team';

export interface StudyPart {
  readonly path: StudyPath;
  readonly label: string;
  /** Shown only when this holds; an unknown study (it could not be read) shows only the parts without a rule. */
  readonly when?: (study: StudyFacts) => boolean;
}

const owner = (study: StudyFacts) => study.role === 'owner';

const PARTS: readonly StudyPart[] = [
  { path: '', label: 'Study' },
  { path: '/design', label: 'Design', when: (study) => owner(study) && study.status === 'draft' },
  { path: '/preview', label: 'Preview' },
  { path: '/launch', label: 'Launch', when: (study) => owner(study) && study.status === 'draft' },
  { path: '/amend', label: 'Amend', when: (study) => owner(study) && (study.status === 'launched' || study.status === 'paused') },
  { path: '/monitor', label: 'Live monitor' },
  { path: '/results', label: 'Results' },
  { path: '/replication', label: 'Replication' },
  { path: '/export', label: 'Export' },
  { path: '/lab', label: 'Lab sessions' },
  { path: '/team', label: 'Team' },
];

/** The parts a study has now: building (design, launch) for a draft, amending once launched; owners only. */
export function studyParts(study: StudyFacts | null): readonly StudyPart[] {
  return PARTS.filter((part) => part.when === undefined || (study !== null && part.when(study)));
}
