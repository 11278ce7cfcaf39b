import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Baseline', robots: { index: false, follow: false } };

/*
 * Deliberately empty: bench/participant-budget.mjs compares the JavaScript of /p with this page
 * from the same build (quality goal P5: at most 40 kB gzip more than an empty page).
 */
export default function BudgetBaselinePage() {
  return <main id="main" />;
}
