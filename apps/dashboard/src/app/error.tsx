'use client';

import { ErrorPanel, type ErrorBoundaryProps } from '@/components/error-panel';

// Error boundaries must be Client Components. This one catches failures of whole layouts.
export default function RootError(props: ErrorBoundaryProps) {
  return (
    <main id="main" className="narrow">
      <ErrorPanel {...props} />
    </main>
  );
}
