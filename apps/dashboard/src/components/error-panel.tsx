'use client';

export interface ErrorBoundaryProps {
  readonly error: unknown;
  readonly retry: () => void;
}

/** The body of every error boundary; server errors arrive with only a digest in production. */
export function ErrorPanel({ error, retry }: ErrorBoundaryProps) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;

  return (
    <div className="card" role="alert">
      <h1>Something went wrong</h1>
      <p>This page could not be shown. It is often temporary: try again in a moment.</p>
      {digest ? (
        <p className="muted">
          Reference: <span className="mono">{digest}</span>
        </p>
      ) : null}
      <button type="button" className="button" onClick={() => retry()}>
        Try again
      </button>
    </div>
  );
}
