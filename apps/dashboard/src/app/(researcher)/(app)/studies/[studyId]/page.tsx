import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StudyNav } from '@/components/study-nav';
import { getStudyDetail, getVerification, listProtocols, type ProtocolVersion, type StudyDetail } from '@/lib/api/analysis';
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

type Factor = StudyDetail['design']['factors'][number];

/** The label of the factor's level in a condition id (`phone=present|topic=free`), or the level id if unknown. */
function levelLabel(factor: Factor, conditionId: string): string | undefined {
  const levelId = conditionId
    .split('|')
    .find((pair) => pair.startsWith(`${factor.id}=`))
    ?.split('=')[1];
  return factor.levels.find((level) => level.id === levelId)?.label ?? levelId;
}

function ConditionsTable({ design }: { readonly design: StudyDetail['design'] }) {
  const conditions = conditionsOf(design);
  return (
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
              {design.factors.map((factor) => (
                <td key={factor.id}>{levelLabel(factor, id)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DesignAtAGlance({ design }: { readonly design: StudyDetail['design'] }) {
  return (
    <section className="card after-card" aria-labelledby="design-heading">
      <h2 id="design-heading">Design</h2>
      <ConditionsTable design={design} />
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

function StudyFacts({ study, current }: { readonly study: StudyDetail; readonly current: ProtocolVersion | undefined }) {
  return (
    <dl className="facts card">
      <dt>Status</dt>
      <dd>
        <span className={`badge badge-${study.status}`}>{study.status}</span> (your role: {study.role})
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
      <dd className="mono hash">{study.seedCommitment ?? '—'}</dd>
      {study.joinCode ? (
        <>
          <dt>Online study link</dt>
          <dd className="mono">/s/{study.joinCode}</dd>
        </>
      ) : null}
    </dl>
  );
}

function AllocationCheck({ verification }: { readonly verification: Awaited<ReturnType<typeof getVerification>> }) {
  if (verification.ok) return <VerificationResult verification={verification.data} />;
  return (
    <p className="alert after-card" role="alert">
      The allocation check could not be run ({verification.problem.title}).
    </p>
  );
}

interface StudyPageProps {
  readonly params: Promise<{ studyId: string }>;
  readonly searchParams: Promise<{ launched?: string | string[] }>;
}

/** The study at a glance: status, protocol and its hash, the seed commitment (and after close the seed and its check), the design. */
export default async function StudyPage({ params, searchParams }: StudyPageProps) {
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
      <StudyFacts study={s} current={current} />
      {verification ? <AllocationCheck verification={verification} /> : null}
      <StudyControls study={s} />
      <DesignAtAGlance design={s.design} />
      {protection.ok ? <DataProtectionCard studyId={studyId} protection={protection.data} canWithdraw={s.role !== 'analyst'} /> : null}
    </>
  );
}
