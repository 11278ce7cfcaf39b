import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { findCurrentUser } from '@/lib/api/auth';
import { SESSION_COOKIE } from '@/lib/api/cookie-names';
import { safeNextPath } from '@/lib/auth/safe-next-path';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

interface LoginPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Someone already signed in skips the form; any doubt (API down, lapsed session) shows it. */
async function isSignedIn(): Promise<boolean> {
  if (!(await cookies()).has(SESSION_COOKIE)) return false;
  try {
    return (await findCurrentUser()) !== null;
  } catch {
    return false;
  }
}

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const { next } = await searchParams;
  const nextPath = safeNextPath(next);
  if (await isSignedIn()) redirect(nextPath);

  return (
    <main id="main" className="narrow">
      <h1>Sign in to Attune</h1>
      <div className="card">
        <LoginForm next={nextPath} />
      </div>
      <p className="muted after-card">
        Taking part in a study? <Link href="/join">Enter your session code</Link>.
      </p>
    </main>
  );
}
