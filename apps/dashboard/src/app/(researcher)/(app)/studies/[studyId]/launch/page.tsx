import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StudyNav } from '@/components/study-nav';
import { type DesignProblem, getDesignProblems, getStudy, type Study } from '@/lib/api/study-team';
import type { ApiResult } from '@/lib/api/client';
import { describePath, designFieldHref } from '@/lib/preview/design-paths';
import { protocolSummary } from '@/lib/preview/protocol-summary';
import { launchAction } from './actions';
import { LaunchButton } from './launch-button';
import '@/styles/preview.css';

export const metadata: Metadata = { title: 'Launch review' };

function Problems({
  studyId,
  study,
  problems,
}: {
  readonly studyId: string;
  readonly study: Study;
  readonly problems: ApiResult<{ problems: DesignProblem[] }>;
}) {
  if (!problems.ok)
    return (
      <p className="alert" role="alert">
        The design could not be checked ({problems.problem.title}). Launch will check it again.
      </p>
    );
  const list = problems.data.problems;
  if (list.length === 0) return <p data-testid="no-problems">No problems: the saved design can be launched.</p>;
  return (
    <>
      <p>
        Launch would refuse the saved design for {list.length === 1 ? 'this reason' : `these ${list.length} reasons`}. Each link opens the
        field in the design.
      </p>
      <ul className="problem-list" data-testid="design-problems">
        {list.map((problem) => (
          <li key={`${problem.path}/${problem.code}`}>
            <Link href={designFieldHref(studyId, problem.path)}>{describePath(study.design, problem.path)}</Link>: {problem.message}{' '}
            <span className="mono problem-path">({problem.path})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function WhatLaunchDoes() {
  return (
    <ul>
      <li>
        <strong>Freezes the protocol.</strong> The design below becomes protocol version 1, stored as canonical JSON with its SHA-256, which
        the study page shows. Exports and results name the version.
      </li>
      <li>
        <strong>Commits to a secret seed.</strong> A random 256-bit seed decides the allocation sequence. It stays secret until you close
        the study; only its SHA-256 is shown now, so nobody can pick a sequence after seeing who joined, and anyone can check the
        allocations after close.
      </li>
      <li>
        <strong>Locks what defines the allocation.</strong> Conditions and their weights, the randomisation scheme and block sizes, the
        session size and the stratification can no longer change. Texts, instruments and timings can be amended later, each amendment with a
        reason and a new protocol version.
      </li>
      <li>
        <strong>Opens the study.</strong> Lab sessions can be created and the online link works.
      </li>
    </ul>
  );
}

type ProtocolSummary = ReturnType<typeof protocolSummary>;

function ConditionsTable({ summary }: { readonly summary: ProtocolSummary }) {
  return (
    <div className="table-wrap" role="region" aria-label="Conditions" tabIndex={0}>
      <table className="table">
        <caption>
          {summary.conditions.length} conditions, {summary.targetPerCondition} sessions each ({summary.targetSessions} sessions of{' '}
          {summary.sessionSize})
        </caption>
        <thead>
          <tr>
            <th scope="col">Condition</th>
            <th scope="col">Weight</th>
          </tr>
        </thead>
        <tbody>
          {summary.conditions.map((condition) => (
            <tr key={condition.id}>
              <td>{condition.label}</td>
              <td>{condition.weight}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProtocolFacts({ summary }: { readonly summary: ProtocolSummary }) {
  return (
    <dl className="facts after-card" data-testid="protocol-summary">
      <dt>Session size</dt>
      <dd>
        {summary.sessionSize} {summary.sessionSize === 1 ? 'person' : 'people'}
      </dd>
      <dt>Target</dt>
      <dd>{summary.targetPerCondition} sessions per condition</dd>
      <dt>Randomisation</dt>
      <dd>{summary.randomisation}</dd>
      <dt>Before the conversation</dt>
      <dd>{summary.instruments.pre.join(', ') || 'nothing'}</dd>
      <dt>After the conversation</dt>
      <dd>{summary.instruments.post.join(', ') || 'nothing'}</dd>
      <dt>Conversation</dt>
      <dd>{summary.conversationMinutes} minutes</dd>
      <dt>Languages</dt>
      <dd>{summary.languages.join(', ')}</dd>
      <dt>Consent</dt>
      <dd>version {summary.consentVersion}</dd>
      <dt>Completion</dt>
      <dd>{summary.completion}</dd>
    </dl>
  );
}

function Summary({ study }: { readonly study: Study }) {
  const summary = protocolSummary(study.design);
  return (
    <>
      <ConditionsTable summary={summary} />
      <ProtocolFacts summary={summary} />
    </>
  );
}

function FrozenProtocol({ studyId, study }: { readonly studyId: string; readonly study: Study }) {
  return (
    <section className="card builder-section" aria-labelledby="summary-heading">
      <h2 id="summary-heading">The protocol launch freezes</h2>
      <Summary study={study} />
      <p>
        <Link href={`/studies/${studyId}/preview`}>Preview the participant&apos;s phone</Link> before launching.
      </p>
    </section>
  );
}

function LaunchSection({ studyId, owner, blocked }: { readonly studyId: string; readonly owner: boolean; readonly blocked: number }) {
  return (
    <section className="builder-section" aria-labelledby="launch-heading">
      <h2 id="launch-heading">Launch</h2>
      {owner ? (
        <LaunchButton action={launchAction.bind(null, studyId)} blocked={blocked} />
      ) : (
        <p>Only the study&apos;s owners can launch it.</p>
      )}
    </section>
  );
}

/** Everything launch would refuse, what launch does, and the protocol it freezes; launching asks once. */
export default async function LaunchPage({ params }: { readonly params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  // Both at once: the problems are wanted for a draft, which is what this page is mostly opened for.
  const [study, problems] = await Promise.all([getStudy(studyId), getDesignProblems(studyId)]);
  if (!study.ok) {
    if (study.problem.status === 404 || study.problem.status === 400) notFound();
    return (
      <p className="alert" role="alert">
        The study could not be loaded ({study.problem.title}).
      </p>
    );
  }
  const s = study.data;
  const draft = s.status === 'draft';
  const blocked = problems.ok ? problems.data.problems.length : 0;
  return (
    <>
      <h1>Launch review</h1>
      <StudyNav studyId={studyId} current="/launch" study={s} />
      <p>{s.title}</p>
      {draft ? null : (
        <p className="preview-note" role="note">
          This study was launched already (status: {s.status}). <Link href={`/studies/${studyId}`}>See its protocol on the study page</Link>
          .
        </p>
      )}
      <section className="card builder-section" aria-labelledby="problems-heading">
        <h2 id="problems-heading">Problems</h2>
        {draft ? <Problems studyId={studyId} study={s} problems={problems} /> : <p>None: the study is running.</p>}
      </section>
      <section className="card builder-section" aria-labelledby="does-heading">
        <h2 id="does-heading">What launch does</h2>
        <WhatLaunchDoes />
      </section>
      <FrozenProtocol studyId={studyId} study={s} />
      {draft ? <LaunchSection studyId={studyId} owner={s.role === 'owner'} blocked={blocked} /> : null}
    </>
  );
}
