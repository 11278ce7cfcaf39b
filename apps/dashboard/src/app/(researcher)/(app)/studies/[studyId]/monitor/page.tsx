import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AutoRefresh } from '@/components/auto-refresh';
import { ConsortDiagram } from '@/components/results/consort-diagram';
import { StudyNav } from '@/components/study-nav';
import { type Enrolment, type Flow, getEnrolment, getFlow, listStudySessions, type SessionSummary } from '@/lib/api/analysis';
import { conditionLabel } from '@/lib/results/format';

export const metadata: Metadata = { title: 'Live monitor' };

const RUNNING = new Set(['forming', 'allocated', 'pre_survey', 'conversation', 'post_survey']);

function EnrolmentBars({ enrolment }: { readonly enrolment: Enrolment }) {
  return (
    <section className="card" aria-labelledby="enrolment-heading">
      <h2 id="enrolment-heading">Enrolment against target</h2>
      <ul className="bars">
        {enrolment.conditions.map((condition) => (
          <li key={condition.conditionId}>
            <span>
              {conditionLabel(condition.conditionId)}: {condition.sessions} of {condition.target} sessions ({condition.participants}{' '}
              participants)
            </span>
            <progress
              max={Math.max(1, condition.target)}
              value={Math.min(condition.sessions, condition.target)}
              aria-label={`${conditionLabel(condition.conditionId)} enrolment`}
            />
            {condition.strata.length > 1 ? (
              <span className="muted"> {condition.strata.map((s) => `${s.stratum || 'all'}: ${s.sessions}`).join(', ')}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Running({ sessions }: { readonly sessions: readonly SessionSummary[] }) {
  const running = sessions.filter((s) => RUNNING.has(s.status));
  const dropouts = sessions.filter((s) => s.dropoutReason).slice(0, 10);
  return (
    <section className="card" aria-labelledby="running-heading">
      <h2 id="running-heading">Sessions running now ({running.length})</h2>
      <ul data-testid="running-sessions">
        {running.map((s) => (
          <li key={s.id}>
            <span className="mono">{s.code}</span>: {s.status.replaceAll('_', ' ')} ({s.seatsTaken} of {s.size} seats)
          </li>
        ))}
      </ul>
      <h3>Recent dropouts</h3>
      {dropouts.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {dropouts.map((s) => (
            <li key={s.id}>
              <span className="mono">{s.code}</span>: {s.dropoutReason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function flowInput(flow: Flow) {
  return {
    people: flow.people,
    arms: flow.conditions.map((condition) => ({
      label: conditionLabel(condition.conditionId),
      counts: condition.counts,
      dropouts: condition.dropoutReasons.map((r) => ({ reason: r.reason, sessions: r.sessions })),
    })),
  };
}

/** Enrolment, what runs now and the CONSORT flow, re-read every few seconds while the page is open. */
export default async function MonitorPage({ params }: { readonly params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  const [flow, enrolment, sessions] = await Promise.all([getFlow(studyId), getEnrolment(studyId), listStudySessions(studyId)]);
  if (!flow.ok) {
    if (flow.problem.status === 404 || flow.problem.status === 400) notFound();
    return (
      <p className="alert" role="alert">
        The monitor could not be loaded ({flow.problem.title}).
      </p>
    );
  }
  return (
    <>
      <AutoRefresh />
      <h1>Live monitor</h1>
      <StudyNav studyId={studyId} current="/monitor" />
      {enrolment.ok ? <EnrolmentBars enrolment={enrolment.data} /> : null}
      {sessions.ok ? <Running sessions={sessions.data} /> : null}
      <section className="card" aria-labelledby="consort-heading">
        <h2 id="consort-heading">Participant flow (CONSORT)</h2>
        <ConsortDiagram flow={flowInput(flow.data)} />
      </section>
    </>
  );
}
