import Link from 'next/link';
import { getStudyDetail, type StudyDetail } from '@/lib/api/analysis';

type StudyFacts = Pick<StudyDetail, 'status' | 'role'>;
type Path = '' | '/design' | '/preview' | '/launch' | '/amend' | '/monitor' | '/results' | '/replication' | '/export' | '/lab' | '/team';

interface Part {
  readonly path: Path;
  readonly label: string;
  /** Shown only when this holds; an unknown study (it could not be read) shows the parts without a rule. */
  readonly when?: (study: StudyFacts) => boolean;
}

const owner = (study: StudyFacts) => study.role === 'owner';

const PARTS: readonly Part[] = [
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

/** The parts a study has now: building (design, launch) for a draft, amending once launched. */
export function studyParts(study: StudyFacts | null): readonly Part[] {
  return PARTS.filter((part) => part.when === undefined || (study !== null && part.when(study)));
}

/**
 * The study's parts, the current one marked for screen readers too. Pages that have the study
 * already pass its status and role; otherwise it is read here.
 */
export async function StudyNav({ studyId, current, study }: { readonly studyId: string; readonly current: Path; readonly study?: StudyFacts }) {
  let facts: StudyFacts | null = study ?? null;
  if (!facts) {
    const read = await getStudyDetail(studyId);
    facts = read.ok ? read.data : null;
  }
  return (
    <nav aria-label="Study" className="study-nav">
      <ul>
        {studyParts(facts).map(({ path, label }) => (
          <li key={path}><Link href={`/studies/${studyId}${path}`} aria-current={path === current ? 'page' : undefined}>{label}</Link></li>
        ))}
        <li><Link href="/power">Power calculator</Link></li>
      </ul>
    </nav>
  );
}
