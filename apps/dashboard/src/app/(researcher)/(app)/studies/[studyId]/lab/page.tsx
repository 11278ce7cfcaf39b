import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getStudy, listSessions, type SessionSummary } from '@/lib/api/lab-sessions';
import { newLabSession } from './actions';
import { NewLabSession } from './new-lab-session';

export const metadata: Metadata = { title: 'Lab sessions' };

const STATUS: Readonly<Record<SessionSummary['status'], string>> = {
  forming: 'Waiting for seats',
  allocated: 'Allocated',
  pre_survey: 'Pre-survey',
  conversation: 'Conversation',
  post_survey: 'Post-survey',
  complete: 'Complete',
  ended_early: 'Ended early',
  abandoned: 'Abandoned',
};

function SessionsTable({ studyId, sessions }: { readonly studyId: string; readonly sessions: readonly SessionSummary[] }) {
  if (sessions.length === 0) return <p className="muted">No sessions yet.</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="sessions-heading" tabIndex={0}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Status</th>
            <th scope="col">Seats</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td className="mono">
                <Link href={`/studies/${studyId}/lab/${session.id}`} aria-label={`Console of session ${session.code}`}>
                  {session.code}
                </Link>
              </td>
              <td>
                {STATUS[session.status] ?? session.status}
                {session.incomplete ? ' (incomplete)' : ''}
              </td>
              <td className="nowrap">
                {session.seatsTaken} of {session.size}
              </td>
              <td className="nowrap">{new Date(session.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Lab use: create a session and hand each seat its QR code; the list shows how sessions progress. */
export default async function LabSessionsPage({ params }: { readonly params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  const [study, sessions] = await Promise.all([getStudy(studyId), listSessions(studyId)]);
  if (!study.ok) {
    if (study.problem.status === 404 || study.problem.status === 400) notFound();
    return (
      <p className="alert" role="alert">
        The study could not be loaded ({study.problem.title}).
      </p>
    );
  }
  return (
    <>
      <h1>Lab sessions</h1>
      <p>{study.data.title}</p>
      <NewLabSession action={newLabSession.bind(null, studyId)} />
      <h2 id="sessions-heading" className="after-card">
        Sessions
      </h2>
      {sessions.ok ? (
        <SessionsTable studyId={studyId} sessions={sessions.data} />
      ) : (
        <p className="alert" role="alert">
          Sessions could not be loaded ({sessions.problem.title}).
        </p>
      )}
    </>
  );
}
