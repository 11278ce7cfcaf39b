import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StudyNav } from '@/components/study-nav';
import { getResults, type ScaleResult, type StudyResults } from '@/lib/api/analysis';
import { conditionLabel, formatPercent } from '@/lib/results/format';
import { resultsOptions } from './options';
import { ScaleSection } from './scale-section';

export const metadata: Metadata = { title: 'Results' };

function byScale(scales: readonly ScaleResult[]): Array<Partial<Record<ScaleResult['phase'], ScaleResult>>> {
  const groups = new Map<string, Partial<Record<ScaleResult['phase'], ScaleResult>>>();
  for (const scale of scales) {
    const key = `${scale.instrumentId}@${scale.instrumentVersion}/${scale.scale}`;
    groups.set(key, { ...groups.get(key), [scale.phase]: scale });
  }
  return [...groups.values()];
}

/** The toggles live in the URL: a plain GET form, so a view can be bookmarked and shared. */
function Options({ results }: { readonly results: StudyResults }) {
  const f = results.filter;
  return (
    <form method="get" className="card options" aria-label="Analysis options">
      <label>
        <input type="checkbox" name="includeIncomplete" value="false" defaultChecked={!f.includeIncomplete} /> Complete sessions only
      </label>
      <label>
        <input type="checkbox" name="perProtocol" value="true" defaultChecked={f.perProtocol} /> Per protocol (leave out failed checks)
      </label>
      <label>
        Protocol versions{' '}
        <input name="protocol" defaultValue={f.protocolVersions?.join(',') ?? ''} placeholder="all" size={6} pattern="\d+(,\d+)*" />
      </label>
      <label>
        Members per session at least{' '}
        <select name="minMembers" defaultValue={String(f.minMembers)}>
          <option>1</option>
          <option>2</option>
          <option>3</option>
        </select>
      </label>
      <button type="submit" className="button button-small">
        Apply
      </button>
    </form>
  );
}

function Checks({ results }: { readonly results: StudyResults }) {
  if (results.checks.length === 0) return null;
  return (
    <section className="card" aria-labelledby="checks-heading">
      <h2 id="checks-heading">Checks</h2>
      <div className="table-wrap" role="region" aria-label="Check pass rates" tabIndex={0}>
        <table className="table numbers">
          <caption>Pass rate per condition (passed / answered)</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              {results.conditions.map((c) => (
                <th scope="col" key={c}>
                  {conditionLabel(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.checks.map((check) => (
              <tr key={`${check.instrumentId}/${check.itemId}`}>
                <th scope="row">
                  {check.itemId} <span className="muted">({check.kind})</span>
                </th>
                {check.perCondition.map((rate) => (
                  <td key={rate.conditionId}>
                    {formatPercent(rate.passRate)}{' '}
                    <span className="muted">
                      {rate.passed}/{rate.passed + rate.failed}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Scales({ groups, results }: { readonly groups: ReturnType<typeof byScale>; readonly results: StudyResults }) {
  if (groups.length === 0) return <p className="card empty">No scores yet for these options.</p>;
  return (
    <>
      {groups.map((phases) => {
        const any = phases.post ?? phases.pre ?? phases.change;
        return any ? (
          <ScaleSection key={`${any.instrumentId}-${any.instrumentVersion}-${any.scale}`} phases={phases} results={results} />
        ) : null;
      })}
    </>
  );
}

interface ResultsPageProps {
  readonly params: Promise<{ studyId: string }>;
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Results on session-level scores (the dyad is the unit), with the options they were computed under. */
export default async function ResultsPage({ params, searchParams }: ResultsPageProps) {
  const { studyId } = await params;
  const result = await getResults(studyId, resultsOptions(await searchParams));
  if (!result.ok) {
    if (result.problem.status === 404 || result.problem.status === 400) notFound();
    return (
      <p className="alert" role="alert">
        The results could not be loaded ({result.problem.title}).
      </p>
    );
  }
  const groups = byScale(result.data.scales);
  return (
    <>
      <h1>Results</h1>
      <StudyNav studyId={studyId} current="/results" />
      <p>
        Every number is computed on session scores (the mean of the members&apos; scores): the dyad is the unit of randomisation and of
        analysis.
      </p>
      <Options results={result.data} />
      <Scales groups={groups} results={result.data} />
      <Checks results={result.data} />
    </>
  );
}
