import Link from 'next/link';
import { getStudyDetail } from '@/lib/api/analysis';
import { type StudyFacts, type StudyPath, studyParts } from '@/lib/preview/study-parts';

/**
 * The study's parts, the current one marked for screen readers too. Pages that have the study
 * already pass its status and role; otherwise it is read here.
 */
export async function StudyNav({
  studyId,
  current,
  study,
}: {
  readonly studyId: string;
  readonly current: StudyPath;
  readonly study?: StudyFacts;
}) {
  let facts: StudyFacts | null = study ?? null;
  if (!facts) {
    const read = await getStudyDetail(studyId);
    facts = read.ok ? read.data : null;
  }
  return (
    <nav aria-label="Study" className="study-nav">
      <ul>
        {studyParts(facts).map(({ path, label }) => (
          <li key={path}>
            <Link href={`/studies/${studyId}${path}`} aria-current={path === current ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
        <li>
          <Link href="/power">Power calculator</Link>
        </li>
      </ul>
    </nav>
  );
}
