import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="narrow">
      <div className="card">
        <h1>Page not found</h1>
        <p>There is nothing at this address. It may have moved, or the link may be incomplete.</p>
        <p>
          <Link href="/studies">Go to your studies</Link> or, if you are taking part in a study,{' '}
          <Link href="/join">enter your session code</Link>.
        </p>
      </div>
    </main>
  );
}
