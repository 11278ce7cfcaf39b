import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StudyNav } from '@/components/study-nav';
import { getReplication, getStudyDetail, type Replication } from '@/lib/api/analysis';
import { getPooled, listExternalSummaries, type Pooled } from '@/lib/api/pooling';
import { formatNumber, formatP, formatWithCi } from '@/lib/results/format';
import '@/styles/pooling.css';
import { Forest, type ForestRow } from './forest';
import { LABELS } from './labels';
import { PooledSection } from './pooled-section';
import { SitesCard } from './sites-card';

export const metadata: Metadata = { title: 'Replication' };

function rows(view: Replication): ForestRow[] {
  const out: ForestRow[] = [];
  if (view.comparison) out.push({ label: 'Original (d)', estimate: view.comparison.originalD, low: null, high: null });
  const hedges = view.replication?.hedges;
  if (hedges) out.push({ label: 'This replication (g)', estimate: hedges.g, low: hedges.ciLow, high: hedges.ciHigh });
  return out;
}

function Comparison({ view }: { readonly view: Replication }) {
  const original = view.original;
  const comparison = view.comparison;
  if (!original || !comparison) return null;
  return <SingleComparison view={view} original={original} comparison={comparison} />;
}

type Original = NonNullable<Replication['original']>;
type ComparisonView = NonNullable<Replication['comparison']>;
type Hedges = NonNullable<Replication['replication']>['hedges'];

/** Where the original effect comes from, and who checked it against the paper. */
function OriginalSource({ original }: { readonly original: Original }) {
  return (
    <p>
      Original: {original.citation} {original.doi ? <>doi:{original.doi}</> : null} ({original.locator});{' '}
      {original.verifiedBy ? (
        <>
          verified by {original.verifiedBy}
          {original.verifiedOn ? ` on ${original.verifiedOn}` : ''}
        </>
      ) : (
        <strong>not verified</strong>
      )}
      .
    </p>
  );
}

function Effects({ comparison, hedges }: { readonly comparison: ComparisonView; readonly hedges: Hedges | undefined }) {
  const telescopes = comparison.smallTelescopes;
  return (
    <ul className="effects">
      <li>
        Original d = {formatNumber(comparison.originalD)}; d33 = {formatNumber(comparison.d33)} (the effect the original had 33 % power to
        detect)
      </li>
      <li>
        Replication g = {hedges ? formatWithCi(hedges.g, hedges.ciLow, hedges.ciHigh) : 'not enough sessions yet'}
        {hedges ? `, n = ${hedges.n1} + ${hedges.n2} sessions` : ''}
      </li>
      {telescopes ? (
        <li>
          Small telescopes:{' '}
          {telescopes.tooSmall
            ? 'the effect, if any, is too small for the original study to have detected'
            : 'the replication cannot rule out an effect the original could have detected'}{' '}
          (p {formatP(telescopes.p).startsWith('<') ? formatP(telescopes.p) : `= ${formatP(telescopes.p)}`}, one-sided)
        </li>
      ) : null}
    </ul>
  );
}

interface SingleComparisonProps {
  readonly view: Replication;
  readonly original: Original;
  readonly comparison: ComparisonView;
}

function SingleComparison({ view, original, comparison }: SingleComparisonProps) {
  return (
    <section className="card" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">
        {original.factorId}: {original.instrumentId} {original.scale} ({original.phase})
      </h2>
      <OriginalSource original={original} />
      <Forest rows={rows(view)} d33={comparison.d33} />
      <Effects comparison={comparison} hedges={view.replication?.hedges} />
      <p className="outcome" data-testid="replication-label">
        {comparison.outcome
          ? (LABELS[comparison.outcome.label] ?? comparison.outcome.label)
          : 'No outcome label: it is given only for an original effect someone has verified against the paper.'}
      </p>
    </section>
  );
}

/** The replication compared with the original effect, or a plain statement that there is none. */
export default async function ReplicationPage({ params }: { readonly params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  const result = await getReplication(studyId);
  if (!result.ok) {
    if (result.problem.status === 404 || result.problem.status === 400) notFound();
    return (
      <p className="alert" role="alert">
        The replication could not be loaded ({result.problem.title}).
      </p>
    );
  }
  const view = result.data;
  const [pooled, summaries, study] = await Promise.all([getPooled(studyId), listExternalSummaries(studyId), getStudyDetail(studyId)]);
  const pool: Pooled | null = pooled.ok && pooled.data.pooled ? pooled.data : null;
  return (
    <>
      <h1>Replication</h1>
      <StudyNav studyId={studyId} current="/replication" />
      {view.message ? (
        <p className="card" data-testid="replication-message">
          {view.message}
        </p>
      ) : null}
      {pool ? <PooledSection view={pool} original={view.original} /> : <Comparison view={view} />}
      {study.ok && study.data.protocolVersion !== null ? (
        <SitesCard studyId={studyId} canChange={study.data.role === 'owner'} summaries={summaries.ok ? summaries.data : []} />
      ) : null}
      {view.exploratoryFactors.map((factor) => (
        <p key={factor} className="muted">
          {factor}: exploratory — no original study.
        </p>
      ))}
    </>
  );
}
