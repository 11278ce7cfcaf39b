import Link from 'next/link';

const PARTS = [
  ['', 'Study'], ['/monitor', 'Live monitor'], ['/results', 'Results'], ['/replication', 'Replication'], ['/export', 'Export'], ['/lab', 'Lab sessions'],
] as const;

/** The study's parts, the current one marked for screen readers too. */
export function StudyNav({ studyId, current }: { readonly studyId: string; readonly current: (typeof PARTS)[number][0] }) {
  return (
    <nav aria-label="Study" className="study-nav">
      <ul>
        {PARTS.map(([path, label]) => (
          <li key={path}><Link href={`/studies/${studyId}${path}`} aria-current={path === current ? 'page' : undefined}>{label}</Link></li>
        ))}
        <li><Link href="/power">Power calculator</Link></li>
      </ul>
    </nav>
  );
}
