import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StudyNav } from '@/components/study-nav';
import { type CodebookPreview, getCodebook, getFlow } from '@/lib/api/analysis';

export const metadata: Metadata = { title: 'Export' };

const FILES: ReadonlyArray<readonly [string, string]> = [
  ['wide.csv', 'One row per participant: design, timestamps, every answer, score and check — for SPSS-style analyses.'],
  ['long.csv', "One row per participant × phase × instrument × item: the tidy format of R's tidyverse and lme4."],
  ['scores.csv', 'One row per participant × phase × scale, with change scores (post − pre).'],
  [
    'pairwise.csv',
    'One row per ordered pair of members of a session, actor (_a) and partner (_p) side by side: the input of an actor–partner model.',
  ],
  ['codebook.csv', 'Every column of every file: label, type, allowed values, range, source, scoring, missing-value rule.'],
  ['codebook.json', 'The same codebook as JSON, for scripts.'],
  ['load.R', 'Reads the CSVs in R with typed columns and factors with their levels.'],
  ['load.py', 'Reads the CSVs in pandas with dtypes and categoricals.'],
  ['load.sps', 'SPSS syntax with variable and value labels.'],
  ['bundle.zip', 'All of the above, plus the frozen protocols with their hashes and a README.'],
];

type Search = Record<string, string | string[] | undefined>;

function query(search: Search): string {
  const protocol =
    typeof search['protocol'] === 'string' && /^\d{1,4}(,\d{1,4}){0,19}$/.test(search['protocol']) ? search['protocol'] : undefined;
  const params = new URLSearchParams();
  if (protocol) params.set('protocol', protocol);
  if (search['includeIncomplete'] === 'false') params.set('includeIncomplete', 'false');
  const text = params.toString();
  return text ? `?${text}` : '';
}

function Preview({ codebook }: { readonly codebook: CodebookPreview }) {
  const wide = codebook.entries.filter((entry) => entry.file === 'wide.csv');
  return (
    <details className="card">
      <summary>
        Codebook preview: {codebook.entries.length} columns in all; the first {Math.min(12, wide.length)} of wide.csv
      </summary>
      <div className="table-wrap" role="region" aria-label="Codebook preview" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Label</th>
              <th scope="col">Type</th>
            </tr>
          </thead>
          <tbody>
            {wide.slice(0, 12).map((entry) => (
              <tr key={entry.name}>
                <td className="mono">{entry.name}</td>
                <td>{entry.label}</td>
                <td>{entry.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function ExportOptions({ search }: { readonly search: Search }) {
  return (
    <form method="get" className="card options" aria-label="Export options">
      <label>
        <input type="checkbox" name="includeIncomplete" value="false" defaultChecked={search['includeIncomplete'] === 'false'} /> Complete
        sessions only
      </label>
      <label>
        Protocol versions{' '}
        <input
          name="protocol"
          defaultValue={typeof search['protocol'] === 'string' ? search['protocol'] : ''}
          placeholder="all"
          size={6}
          pattern="\d+(,\d+)*"
        />
      </label>
      <button type="submit" className="button button-small">
        Apply
      </button>
    </form>
  );
}

function Downloads({ studyId, suffix }: { readonly studyId: string; readonly suffix: string }) {
  return (
    <ul className="downloads" data-testid="export-files">
      {FILES.map(([file, what]) => (
        <li key={file}>
          <a href={`/api/studies/${studyId}/exports/${file}${suffix}`} download>
            {file}
          </a>
          : {what}
        </li>
      ))}
    </ul>
  );
}

interface ExportPageProps {
  readonly params: Promise<{ studyId: string }>;
  readonly searchParams: Promise<Search>;
}

/** Every export file with what it is for; downloads stream straight from the API through this app. */
export default async function ExportPage({ params, searchParams }: ExportPageProps) {
  const { studyId } = await params;
  const search = await searchParams;
  const [codebook, flow] = await Promise.all([getCodebook(studyId), getFlow(studyId)]);
  if (!flow.ok && (flow.problem.status === 404 || flow.problem.status === 400)) notFound();
  const suffix = query(search);
  return (
    <>
      <h1>Export</h1>
      <StudyNav studyId={studyId} current="/export" />
      <ExportOptions search={search} />
      {flow.ok ? (
        <p>
          {flow.data.totals.participants} participants in {flow.data.totals.sessions} allocated sessions (wide.csv has one row for each
          participant).
        </p>
      ) : null}
      <Downloads studyId={studyId} suffix={suffix} />
      <p className="muted">
        Large files stream as they are written; your browser&apos;s download list shows their progress. Participants are pseudonyms; no
        direct identifiers are exported.
      </p>
      {codebook.ok ? <Preview codebook={codebook.data} /> : null}
    </>
  );
}
