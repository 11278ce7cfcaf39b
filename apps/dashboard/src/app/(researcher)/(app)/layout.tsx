import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireUser } from '@/lib/api/auth';
import { logout } from '@/lib/auth/actions';

/**
 * Every signed-in researcher page. The session check here is for the UI only: the API checks
 * the session on every call, so a page rendered without this layout still gets no data.
 */
export default async function SignedInLayout({ children }: { readonly children: ReactNode }) {
  const user = await requireUser();

  return (
    <div className="researcher-app">
      <header className="app-header">
        <div className="app-header-inner">
          <Link href="/studies" className="brand">
            Attune
          </Link>
          <nav aria-label="Main" className="app-nav">
            <ul>
              <li>
                <Link href="/studies">Studies</Link>
              </li>
              <li>
                <Link href="/power">Power calculator</Link>
              </li>
            </ul>
          </nav>
          <div className="account">
            <span className="account-email" data-testid="account-email">
              {user.email}
            </span>
            <form action={logout}>
              <button type="submit" className="button button-secondary button-small">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </div>
  );
}
