import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Join a session' };

/*
 * Placeholder until the participant issue lands. Participants use their own phones, often on slow
 * networks, so this page stays static with no client component of its own.
 */
export default function JoinPage() {
  return (
    <main id="main" className="narrow">
      <h1>Join a session</h1>
      <div className="card">
        <form className="form" action="/join" method="get">
          <div className="field">
            <label htmlFor="code">Enter your session code</label>
            <span id="code-hint" className="field-hint">The research assistant gives you this code, or a QR code to scan.</span>
            <input
              id="code" name="code" type="text" inputMode="text" autoComplete="off"
              autoCapitalize="characters" spellCheck={false} aria-describedby="code-hint join-note"
            />
          </div>
          <button type="submit" className="button">Join</button>
        </form>
      </div>
      <p id="join-note" className="muted after-card">
        Joining with a code is not open yet: it arrives with the participant part of Attune. Until then,
        this page only shows where you will start.
      </p>
    </main>
  );
}
