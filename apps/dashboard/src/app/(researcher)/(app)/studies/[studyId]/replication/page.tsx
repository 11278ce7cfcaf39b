import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StudyNav } from '@/components/study-nav';
import { getReplication, type Replication } from '@/lib/api/analysis';
import { formatNumber, formatP, formatWithCi } from '@/lib/results/format';
import { Forest, type ForestRow } from './forest';

export const metadata: Metadata = { title: 'Replication' };

const LABELS: Readonly<Record<string, string>> = {
  'signal – consistent': 'Signal, consistent: the replication finds an effect, and its CI includes the original effect.',
  'signal – inconsistent (smaller)': 'Signal, inconsistent: the replication finds an effect, smaller than the original.',
  'signal – inconsistent (larger)': 'Signal, inconsistent: the replication finds an effect, larger than the original.',
  'signal – inconsistent (opposite)': 'Signal, inconsistent: the replication finds an effect in the opposite direction.',
  'no signal – consistent': 'No signal, consistent: the CI includes both 0 and the original effect (not precise enough to tell).',
  'no signal – inconsistent': 'No signal, inconsistent: the CI includes 0 but excludes the original effect.',
};

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
  const hedges = view.replication?.hedges;
  const telescopes = comparison.smallTelescopes;
  return (
    <section className="card" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">{original.factorId}: {original.instrumentId} {original.scale} ({original.phase})</h2>
      <p>Original: {original.citation} {original.doi ? <>doi:{original.doi}</> : null} ({original.locator}); {original.verifiedBy ? <>verified by {original.verifiedBy}{original.verifiedOn ? ` on ${original.verifiedOn}` : ''}</> : <strong>not verified</strong>}.</p>
      <Forest rows={rows(view)} d33={comparison.d33} />
      <ul className="effects">
        <li>Original d = {formatNumber(comparison.originalD)}; d33 = {formatNumber(comparison.d33)} (the effect the original had 33 % power to detect)</li>
        <li>Replication g = {hedges ? formatWithCi(hedges.g, hedges.ciLow, hedges.ciHigh) : 'not enough sessions yet'}{hedges ? `, n = ${hedges.n1} + ${hedges.n2} sessions` : ''}</li>
        {telescopes ? <li>Small telescopes: {telescopes.tooSmall ? 'the effect, if any, is too small for the original study to have detected' : 'the replication cannot rule out an effect the original could have detected'} (p {formatP(telescopes.p).startsWith('<') ? formatP(telescopes.p) : `= ${formatP(telescopes.p)}`}, one-sided)</li> : null}
      </ul>
      <p className="outcome" data-testid="replication-label">{comparison.outcome ? LABELS[comparison.outcome.label] ?? comparison.outcome.label : 'No outcome label: it is given only for an original effect someone has verified against the paper.'}</p>
    </section>
  );
}

/** The replication compared with the original effect, or a plain statement that there is none. */
export default async function ReplicationPage({ params }: { readonly params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  const result = await getReplication(studyId);
  if (!result.ok) {
    if (result.problem.status === 404 || result.problem.status === 400) notFound();
    return <p className="alert" role="alert">The replication could not be loaded ({result.problem.title}).</p>;
  }
  const view = result.data;
  return (
    <>
      <h1>Replication</h1>
      <StudyNav studyId={studyId} current="/replication" />
      {view.message ? <p className="card" data-testid="replication-message">{view.message}</p> : null}
      <Comparison view={view} />
      {view.exploratoryFactors.map((factor) => <p key={factor} className="muted">{factor}: exploratory — no original study.</p>)}
    </>
  );
}
