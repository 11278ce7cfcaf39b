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
export function SitesCard({
  studyId,
  summaries,
  canChange,
}: {
  readonly studyId: string;
  readonly summaries: readonly ImportedSummary[];
  readonly canChange: boolean;
}) {
  const [state, formAction, pending] = useActionState(importSummary.bind(null, studyId), {} as SummaryFormState);
  return (
    <section className="card sites-card" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Other sites</h2>
      <p>
        Sites at other institutions run this protocol on their own Attune and send only aggregates; their participants&apos; data never
        leaves them.
      </p>
      {canChange ? (
        <ul className="downloads">
          <li>
            <a href={`/api/studies/${studyId}/protocol-file`} download>
              Protocol file
            </a>
            : another site imports it as a new study with the same design hash.
          </li>
        </ul>
      ) : null}
      {canChange ? (
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
      ) : null}
      <h3>Imported summaries</h3>
      {summaries.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
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
      )}
      {canChange ? (
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
      ) : null}
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
    </section>
  );
}
