import type { Replication } from '@/lib/api/analysis';
import type { Pooled } from '@/lib/api/pooling';
import { formatNumber, formatP, formatWithCi } from '@/lib/results/format';
import { LABELS } from './labels';
import { SiteForest } from './site-forest';

type Fit = NonNullable<Pooled['pooled']>;

function PoolFigures({ fit }: { readonly fit: Fit }) {
  return (
    <dl className="pool-figures" data-testid="pooled-figures">
      <dt>
        Pooled g ({fit.method}, {fit.k} sites)
      </dt>
      <dd>
        {formatWithCi(fit.estimate, fit.ciLow, fit.ciHigh)}, p {formatP(fit.p).startsWith('<') ? formatP(fit.p) : `= ${formatP(fit.p)}`}
      </dd>
      <dt>95 % prediction interval</dt>
      <dd>
        [{formatNumber(fit.piLow)}, {formatNumber(fit.piHigh)}]: where a new site&apos;s effect is expected
      </dd>
      <dt>Heterogeneity</dt>
      <dd>
        τ² = {formatNumber(fit.tau2)}, I² = {formatNumber(fit.i2)} %, Q({fit.qDf}) = {formatNumber(fit.q)}, p{' '}
        {formatP(fit.qP).startsWith('<') ? formatP(fit.qP) : `= ${formatP(fit.qP)}`}
      </dd>
    </dl>
  );
}

function PooledComparison({ comparison }: { readonly comparison: NonNullable<Pooled['comparison']> }) {
  const telescopes = comparison.smallTelescopes;
  return (
    <>
      <ul className="effects">
        <li>
          Original d = {formatNumber(comparison.originalD)}; d33 = {formatNumber(comparison.d33)} (the effect the original had 33 % power to
          detect)
        </li>
        {telescopes ? (
          <li>
            Small telescopes on the pooled estimate:{' '}
            {telescopes.tooSmall
              ? 'the effect, if any, is too small for the original study to have detected'
              : 'the sites together cannot rule out an effect the original could have detected'}{' '}
            (p {formatP(telescopes.p).startsWith('<') ? formatP(telescopes.p) : `= ${formatP(telescopes.p)}`}, one-sided)
          </li>
        ) : null}
      </ul>
      <p className="outcome" data-testid="replication-label">
        {comparison.outcome
          ? (LABELS[comparison.outcome.label] ?? comparison.outcome.label)
          : 'No outcome label: it is given only for an original effect someone has verified against the paper.'}
      </p>
    </>
  );
}

/** With several sites (here or imported), the replication is their random-effects pool, drawn as a forest plot. */
export function PooledSection({ view, original }: { readonly view: Pooled; readonly original: Replication['original'] }) {
  const fit = view.pooled;
  const rows = view.rows.map((row) => ({
    label: row.label,
    external: row.kind === 'external',
    g: row.g,
    ciLow: row.ciLow,
    ciHigh: row.ciHigh,
    weight: row.weight,
  }));
  const outcome = view.outcome;
  return (
    <section className="card" aria-labelledby="pooled-heading">
      <h2 id="pooled-heading">
        {outcome.factorId}: {outcome.instrumentId} {outcome.scale} ({outcome.phase}), pooled over sites
      </h2>
      {original ? (
        <p>
          Original: {original.citation} ({original.locator});{' '}
          {original.verifiedBy ? <>verified by {original.verifiedBy}</> : <strong>not verified</strong>}.
        </p>
      ) : null}
      <SiteForest rows={rows} pool={fit} original={view.comparison?.originalD ?? null} />
      {fit ? <PoolFigures fit={fit} /> : null}
      {view.comparison ? <PooledComparison comparison={view.comparison} /> : null}
    </section>
  );
}
