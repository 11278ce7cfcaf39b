import Link from 'next/link';
import type { Metadata } from 'next';
import type { Problem } from '@/lib/api/problem';
import { listStudies, type StudyRole, type StudyStatus, type StudySummary } from '@/lib/api/studies';

export const metadata: Metadata = { title: 'Studies' };

const STATUS_LABELS: Readonly<Record<StudyStatus, string>> = {
  draft: 'Draft',
  launched: 'Launched',
  paused: 'Paused',
  closed: 'Closed',
};

const ROLE_LABELS: Readonly<Record<StudyRole, string>> = {
  owner: 'Owner',
  researcher: 'Researcher',
  analyst: 'Analyst',
};

function StudiesTable({ studies }: { readonly studies: readonly StudySummary[] }) {
  return (
    // Focusable so keyboard users can scroll it when a narrow or zoomed screen cannot fit it.
    <div className="table-wrap" role="region" aria-labelledby="studies-heading" tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">Your studies</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col" className="nowrap">
              Status
            </th>
            <th scope="col" className="nowrap">
              Your role
            </th>
          </tr>
        </thead>
        <tbody>
          {studies.map((study) => (
            <tr key={study.id}>
              <td className="study-title">
                <Link href={`/studies/${study.id}`}>{study.title}</Link>
              </td>
              <td className="nowrap">
                <span className={`badge badge-${study.status}`}>{STATUS_LABELS[study.status] ?? study.status}</span>
              </td>
              <td className="nowrap">{ROLE_LABELS[study.role] ?? study.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NoStudies() {
  return (
    <div className="card empty">
      <h2>No studies yet</h2>
      <p>Studies you create, or that a colleague adds you to, will be listed here.</p>
    </div>
  );
}

function LoadFailed({ problem }: { readonly problem: Problem }) {
  return (
    <div className="alert" role="alert">
      <p>Your studies could not be loaded ({problem.title}). Reload the page to try again.</p>
      <p className="mono">Reference: {problem.requestId}</p>
    </div>
  );
}

export default async function StudiesPage() {
  const result = await listStudies();

  return (
    <>
      <h1 id="studies-heading">Studies</h1>
      <p>
        <Link href="/studies/new" className="button">
          New study
        </Link>
      </p>
      {!result.ok ? (
        <LoadFailed problem={result.problem} />
      ) : result.data.length === 0 ? (
        <NoStudies />
      ) : (
        <StudiesTable studies={result.data} />
      )}
    </>
  );
}
