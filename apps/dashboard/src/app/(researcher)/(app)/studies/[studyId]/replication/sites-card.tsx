'use client';

import { useActionState } from 'react';
import { importSummary, removeSummary, type SummaryFormState } from './pooling-actions';

export interface ImportedSummary {
  readonly id: string;
  readonly label: string;
  readonly country: string | null;
  readonly exportedAt: string;
}

/**
 * Many labs, data kept at home: send other sites this study's protocol file, export this site's
 * summary for a coordinator, and import the summaries other sites send.
 */
interface SitesCardProps {
  readonly studyId: string;
  readonly summaries: readonly ImportedSummary[];
  readonly canChange: boolean;
}

export function SitesCard({ studyId, summaries, canChange }: SitesCardProps) {
  return (
    <section className="card sites-card" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Other sites</h2>
      <p>
        Sites at other institutions run this protocol on their own Attune and send only aggregates; their participants&apos; data never
        leaves them.
      </p>
      {canChange ? <ShareThisSite studyId={studyId} /> : null}
      <h3>Imported summaries</h3>
      <ImportedSummaries studyId={studyId} summaries={summaries} canChange={canChange} />
      {canChange ? <SummaryImport studyId={studyId} /> : null}
    </section>
  );
}

/** What this site sends: the protocol file to other sites, its own summary to a coordinator. */
function ShareThisSite({ studyId }: { readonly studyId: string }) {
  return (
    <>
      <ul className="downloads">
        <li>
          <a href={`/api/studies/${studyId}/protocol-file`} download>
            Protocol file
          </a>
          : another site imports it as a new study with the same design hash.
        </li>
      </ul>
      <form method="get" action={`/api/studies/${studyId}/site-summary`} className="form sites-form">
        <div className="field">
          <label htmlFor="summary-label">This site&apos;s name</label>
          <input id="summary-label" name="label" required maxLength={80} />
        </div>
        <div className="field">
          <label htmlFor="summary-country">Country (2 letters)</label>
          <input id="summary-country" name="country" pattern="[A-Z]{2}" maxLength={2} autoCapitalize="characters" />
        </div>
        <button type="submit" className="button">
          Download this site&apos;s summary
        </button>
      </form>
    </>
  );
}

function ImportedSummaries({ studyId, summaries, canChange }: SitesCardProps) {
  if (summaries.length === 0) return <p className="muted">None yet.</p>;
  return (
    <ul data-testid="external-summaries">
      {summaries.map((summary) => (
        <li key={summary.id}>
          {summary.label}
          {summary.country ? ` (${summary.country})` : ''}, exported {summary.exportedAt.slice(0, 10)}
          {canChange ? (
            <form action={removeSummary.bind(null, studyId, summary.id)} className="inline">
              <button type="submit" className="link-button">
                Remove {summary.label}
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function SummaryImport({ studyId }: { readonly studyId: string }) {
  const [state, formAction, pending] = useActionState(importSummary.bind(null, studyId), {} as SummaryFormState);
  return (
    <>
      <form action={formAction} className="form sites-form">
        <div className="field">
          <label htmlFor="summary-file">Site summary file</label>
          <input id="summary-file" name="file" type="file" accept="application/json,.json" required />
        </div>
        <div className="field">
          <label htmlFor="summary-as">Label (optional)</label>
          <input id="summary-as" name="label" maxLength={80} />
        </div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Importing…' : 'Import summary'}
        </button>
      </form>
      {state.error ? (
        <p className="alert after-card" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.done ? (
        <p className="after-card" role="status">
          {state.done}
        </p>
      ) : null}
    </>
  );
}
