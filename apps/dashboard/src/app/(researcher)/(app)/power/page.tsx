import type { Metadata } from 'next';
import { PowerChart } from '@/components/charts/power-chart';
import { getPower, type Power } from '@/lib/api/analysis';
import { formatNumber } from '@/lib/results/format';

export const metadata: Metadata = { title: 'Power calculator' };

type Search = Record<string, string | string[] | undefined>;

function numberIn(search: Search, key: string, fallback: number, min: number, max: number): number {
  const raw = search[key];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

type PowerInput = Parameters<typeof getPower>[0];

function PowerForm({ input }: { readonly input: PowerInput }) {
  return (
    <form method="get" className="card options" aria-label="Power inputs">
      <label>
        Effect size d <input name="d" type="number" step="0.01" min="0.05" max="5" defaultValue={input.d} />
      </label>
      <label>
        α <input name="alpha" type="number" step="0.005" min="0.0001" max="0.5" defaultValue={input.alpha} />
      </label>
      <label>
        Power <input name="power" type="number" step="0.05" min="0.1" max="0.999" defaultValue={input.power} />
      </label>
      <label>
        ICC <input name="icc" type="number" step="0.05" min="0" max="0.99" defaultValue={input.icc} />
      </label>
      <label>
        People per session{' '}
        <select name="groupSize" defaultValue={String(input.groupSize)}>
          <option>1</option>
          <option>2</option>
          <option>3</option>
        </select>
      </label>
      <button type="submit" className="button button-small">
        Calculate
      </button>
    </form>
  );
}

function PowerAnswer({ answer, input }: { readonly answer: Power; readonly input: PowerInput }) {
  return (
    <section className="card" aria-labelledby="answer-heading">
      <h2 id="answer-heading" data-testid="power-answer">
        {answer.dyadsPerCondition} sessions per condition
      </h2>
      <p>
        {answer.dyadsPerCondition} sessions ({answer.participantsPerCondition} people) per condition give {Math.round(input.power * 100)} %
        power to detect d = {formatNumber(input.d)} at α = {input.alpha} (two-sided t test on session scores, as pwr.t.test).
      </p>
      <p className="muted">
        Treating people as independent would need {answer.individualLevel.independentPerCondition} per condition; with the design effect 1 +
        (m − 1)·ICC = {formatNumber(answer.designEffect)} that is {answer.individualLevel.participantsPerCondition} people (
        {answer.individualLevel.sessionsPerCondition} sessions).
      </p>
      <PowerChart curve={answer.curve} target={input.power} />
    </section>
  );
}

/** Dyads per condition for a two-sided t test on session scores, with the design effect for comparison. */
export default async function PowerPage({ searchParams }: { readonly searchParams: Promise<Search> }) {
  const search = await searchParams;
  const groupSize = numberIn(search, 'groupSize', 2, 1, 3);
  const input = {
    d: numberIn(search, 'd', 0.5, 0.05, 5),
    alpha: numberIn(search, 'alpha', 0.05, 0.0001, 0.5),
    power: numberIn(search, 'power', 0.8, 0.1, 0.999),
    icc: numberIn(search, 'icc', 0.3, 0, 0.99),
    groupSize: (groupSize === 1 || groupSize === 3 ? groupSize : 2) as 1 | 2 | 3,
  };
  const result = await getPower(input);
  return (
    <>
      <h1>Power calculator</h1>
      <PowerForm input={input} />
      {result.ok ? (
        <PowerAnswer answer={result.data} input={input} />
      ) : (
        <p className="alert" role="alert">
          The calculator could not answer ({result.problem.title}).
        </p>
      )}
    </>
  );
}
