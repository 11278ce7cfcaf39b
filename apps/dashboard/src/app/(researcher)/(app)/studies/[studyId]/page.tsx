import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StudyNav } from '@/components/study-nav';
import { getStudyDetail, getVerification, listProtocols, type StudyDetail } from '@/lib/api/analysis';
import { getDataProtection } from '@/lib/api/data-protection';
import { conditionLabel } from '@/lib/results/format';
import { DataProtectionCard } from './data-protection';
import { StudyControls, VerificationResult } from './study-status';
import '@/styles/preview.css';

export const metadata: Metadata = { title: 'Study' };

function conditionsOf(design: StudyDetail['design']): string[] {
  let cells: string[][] = [[]];
  for (const factor of design.factors) cells = cells.flatMap((cell) => factor.levels.map((level) => [...cell, `${factor.id}=${level.id}`]));
  return cells.map((cell) => cell.join('|'));
}

function DesignAtAGlance({ design }: { readonly design: StudyDetail['design'] }) {
  const conditions = conditionsOf(design);
  return (
    <section className="card after-card" aria-labelledby="design-heading">
      <h2 id="design-heading">Design</h2>
      <div className="table-wrap" role="region" aria-label="Conditions" tabIndex={0}>
        <table className="table">
          <caption>
            Conditions ({design.sessionSize} per session, target {design.targetSessionsPerCondition} sessions each)
          </caption>
          <thead>
            <tr>
              <th scope="col">Condition</th>
              {design.factors.map((factor) => (
                <th scope="col" key={factor.id}>
                  {factor.label}
                  {factor.exploratory ? ' (exploratory)' : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {conditions.map((id) => (
              <tr key={id}>
                <td>{conditionLabel(id)}</td>
                {design.factors.map((factor) => {
                  const levelId = id
                    .split('|')
                    .find((pair) => pair.startsWith(`${factor.id}=`))
                    ?.split('=')[1];
                  return <td key={factor.id}>{factor.levels.find((level) => level.id === levelId)?.label ?? levelId}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="facts">
        <dt>Randomisation</dt>
        <dd>
          {design.randomisation.scheme.replaceAll('_', ' ')}
          {design.stratifyBy.length ? `, stratified by ${design.stratifyBy.join(', ')}` : ''}
        </dd>
        <dt>Before the conversation</dt>
        <dd>{design.instruments.pre.map((ref) => `${ref.id} v${ref.version}`).join(', ') || 'nothing'}</dd>
        <dt>After the conversation</dt>
        <dd>{design.instruments.post.map((ref) => `${ref.id} v${ref.version}`).join(', ')}</dd>
        <dt>Conversation</dt>
        <dd>{Math.round(design.conversation.durationSeconds / 60)} minutes</dd>
      </dl>
    </section>
  );
}

/** The study at a glance: status, protocol and its hash, the seed commitment (and after close the seed and its check), the design. */
export default async function StudyPage({
  params,
  searchParams,
}: {
  readonly params: Promise<{ studyId: string }>;
  readonly searchParams: Promise<{ launched?: string | string[] }>;
}) {
  const [{ studyId }, query] = await Promise.all([params, searchParams]);
  const [study, protocols, protection] = await Promise.all([getStudyDetail(studyId), listProtocols(studyId), getDataProtection(studyId)]);
  if (!study.ok) {
    if (study.problem.status === 404 || study.problem.status === 400) notFound();
    return (
      <p className="alert" role="alert">
        The study could not be loaded ({study.problem.title}).
      </p>
    );
  }
  const s = study.data;
  const current = protocols.ok ? protocols.data.find((p) => p.version === s.protocolVersion) : undefined;
  const verification = s.seedRevealedAt ? await getVerification(studyId) : null;
  return (
    <>
      <h1>{s.title}</h1>
      <StudyNav studyId={studyId} current="" study={s} />
      {query.launched && current ? (
        <p className="success" role="status" data-testid="launched">
          Launched: the protocol is frozen as version {current.version} (SHA-256 below) and the allocation seed is committed to.
        </p>
      ) : null}
      <p>{s.description}</p>
      <dl className="facts card">
        <dt>Status</dt>
        <dd>
          <span className={`badge badge-${s.status}`}>{s.status}</span> (your role: {s.role})
        </dd>
        <dt>Protocol</dt>
        <dd data-testid="protocol">
          {current ? (
            <>
              version {current.version}, SHA-256 <span className="mono hash">{current.hash}</span>
            </>
          ) : (
            'not launched yet'
          )}
        </dd>
        <dt>Seed commitment</dt>
        <dd className="mono hash">{s.seedCommitment ?? '—'}</dd>
        {s.joinCode ? (
          <>
            <dt>Online study link</dt>
            <dd className="mono">/s/{s.joinCode}</dd>
          </>
        ) : null}
      </dl>
      {verification?.ok ? <VerificationResult verification={verification.data} /> : null}
      {verification && !verification.ok ? (
        <p className="alert after-card" role="alert">
          The allocation check could not be run ({verification.problem.title}).
        </p>
      ) : null}
      <StudyControls study={s} />
      <DesignAtAGlance design={s.design} />
      {protection.ok ? <DataProtectionCard studyId={studyId} protection={protection.data} canWithdraw={s.role !== 'analyst'} /> : null}
    </>
  );
}
