'use client';

import { ErrorPanel, type ErrorBoundaryProps } from '@/components/error-panel';

// Inside the signed-in layout: the header stays, and the layout already provides <main>.
export default function AppError(props: ErrorBoundaryProps) {
  return <ErrorPanel {...props} />;
}
