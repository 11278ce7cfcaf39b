import type { Metadata } from 'next';
import { ParticipantApp } from '@/components/participant/participant-app';

export const metadata: Metadata = { title: 'Join a session' };

// The API's format for session codes: 4 to 12 letters or digits.
const SESSION_CODE = /^[A-Za-z0-9]{4,12}$/;

function CodeForm({ code, invalid }: { readonly code: string; readonly invalid: boolean }) {
  const describedBy = invalid ? 'code-hint code-error' : 'code-hint';
  return (
    <div className="p-card">
      <h1>Join a session</h1>
      <form className="form" action="/join" method="get">
        <div className="field">
          <label htmlFor="code">Enter your session code</label>
          <span id="code-hint" className="field-hint">
            The research assistant gives you this code, or a QR code to scan.
          </span>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="text"
            autoComplete="off"
            defaultValue={code}
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
          {invalid ? (
            <p id="code-error" className="field-error" role="alert">
              A session code has 4 to 12 letters or digits. Please check it.
            </p>
          ) : null}
        </div>
        <button type="submit" className="button">
          Join
        </button>
      </form>
    </div>
  );
}

/**
 * Typing a session code. The form works without JavaScript (a plain GET); a well-formed code
 * hands over to the participant app, which joins from the phone.
 */
export default async function JoinPage({
  searchParams,
}: {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams)['code'];
  const code = typeof raw === 'string' ? raw.trim() : '';
  const valid = SESSION_CODE.test(code);
  return (
    <main id="main" className="participant">
      {valid ? <ParticipantApp entry={{ kind: 'code', code: code.toUpperCase() }} /> : <CodeForm code={code} invalid={code !== ''} />}
    </main>
  );
}
