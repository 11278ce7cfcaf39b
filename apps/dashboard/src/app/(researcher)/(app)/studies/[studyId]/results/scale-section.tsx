import { MeansChart } from '@/components/charts/means-chart';
import type { ScaleResult, StudyResults } from '@/lib/api/analysis';
import { interactionPoints, prePostPoints } from '@/lib/results/chart-data';
import { conditionLabel, formatNumber, formatP, formatWithCi } from '@/lib/results/format';

type Phases = Partial<Record<ScaleResult['phase'], ScaleResult>>;

type Cell = ScaleResult['cells'][number];

function CellMean({ cell }: { readonly cell: Cell | undefined }) {
  return (
    <td>
      {cell ? (
        <>
          {formatWithCi(cell.mean, cell.ciLow, cell.ciHigh)} <span className="muted">n = {cell.sessions}</span>
        </>
      ) : (
        '—'
      )}
    </td>
  );
}

function CellsTable({ phases, conditions }: { readonly phases: Phases; readonly conditions: readonly string[] }) {
  const order = ['pre', 'post', 'change'] as const;
  return (
    <div className="table-wrap" role="region" aria-label="Means per condition" tabIndex={0}>
      <table className="table numbers">
        <caption>Session means with 95 % CI (n = sessions)</caption>
        <thead>
          <tr>
            <th scope="col">Condition</th>
            {order
              .filter((p) => phases[p])
              .map((p) => (
                <th scope="col" key={p}>
                  {p === 'change' ? 'Change (post − pre)' : p === 'pre' ? 'Before' : 'After'}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {conditions.map((id) => (
            <tr key={id}>
              <th scope="row">{conditionLabel(id)}</th>
              {order
                .filter((p) => phases[p])
                .map((p) => (
                  <CellMean key={p} cell={phases[p]?.cells.find((c) => c.conditionId === id)} />
                ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ModelTable({ result, caption }: { readonly result: ScaleResult['model']; readonly caption: string }) {
  if (!result.model)
    return (
      <p className="muted">
        {caption}: no model yet ({result.problem}).
      </p>
    );
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table numbers">
        <caption>
          {caption} (type III; residual df {result.model.residual.df})
        </caption>
        <thead>
          <tr>
            <th scope="col">Term</th>
            <th scope="col">df</th>
            <th scope="col">F</th>
            <th scope="col">p</th>
            <th scope="col">Partial η²</th>
          </tr>
        </thead>
        <tbody>
          {result.model.anova
            .filter((row) => row.term !== '(Intercept)')
            .map((row) => (
              <tr key={row.term}>
                <th scope="row">{row.term}</th>
                <td>{row.df}</td>
                <td>{formatNumber(row.f)}</td>
                <td>{formatP(row.p)}</td>
                <td>{formatNumber(row.partialEta2)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

function Effects({ post }: { readonly post: ScaleResult }) {
  return (
    <ul className="effects">
      {post.effects.map((effect) => (
        <li key={effect.factorId}>
          {effect.factorId} ({effect.levels[0]} − {effect.levels[1]}):{' '}
          {effect.hedges ? (
            <>
              g = {formatWithCi(effect.hedges.g, effect.hedges.ciLow, effect.hedges.ciHigh)}, n = {effect.hedges.n1} + {effect.hedges.n2}{' '}
              sessions
            </>
          ) : (
            'not enough sessions'
          )}
          {effect.welch ? (
            <>
              ; Welch t({formatNumber(effect.welch.df, 1)}) = {formatNumber(effect.welch.t)}, p{' '}
              {formatP(effect.welch.p).startsWith('<') ? formatP(effect.welch.p) : `= ${formatP(effect.welch.p)}`}
            </>
          ) : null}
        </li>
      ))}
      <li>
        ICC(1) of members within sessions: {post.icc ? formatWithCi(post.icc.icc, post.icc.ciLow, post.icc.ciHigh) : 'not enough sessions'}
      </li>
    </ul>
  );
}

/** One scale: the means table, an interaction plot of the post means, the model, the effect sizes. */
export function ScaleSection({ phases, results }: { readonly phases: Phases; readonly results: StudyResults }) {
  const any = phases.post ?? phases.pre ?? phases.change;
  if (!any) return null;
  const [only] = results.factors;
  const chart = !phases.post
    ? null
    : results.factors.length === 1 && only && phases.pre
      ? prePostPoints(phases.pre.cells, phases.post.cells, only)
      : interactionPoints(phases.post.cells, results.factors);
  const chartTitle = results.factors.length === 1 ? 'means before and after the conversation' : 'means after the conversation';
  const id = `${any.instrumentId}-${any.instrumentVersion}-${any.scale}`;
  return (
    <section className="card scale" aria-labelledby={id} data-testid="scale-result">
      <h2 id={id}>
        {any.label}{' '}
        <span className="muted">
          ({any.instrumentId} v{any.instrumentVersion})
        </span>
      </h2>
      <CellsTable phases={phases} conditions={results.conditions} />
      {chart && chart.points.length ? (
        <MeansChart title={`${any.label}: ${chartTitle} with 95 % CI`} points={chart.points} series={chart.series} />
      ) : null}
      {phases.post ? (
        <>
          <ModelTable result={phases.post.model} caption="Factorial model, after" />
          {phases.post.ancova ? <ModelTable result={phases.post.ancova} caption="ANCOVA on the score before" /> : null}
          <Effects post={phases.post} />
        </>
      ) : null}
    </section>
  );
}
