import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { ParticipantApp } from '@/components/participant/participant-app';
import { PARTICIPANT_KEY } from '@/lib/participant/participant-store';
import { loadServerView } from '@/lib/participant/server-view';

export const metadata: Metadata = { title: 'Your study session' };

/*
 * Runs while the HTML is parsed, before the first paint and long before the app's JavaScript:
 * it marks the shell when this phone holds a participant, so CSS shows "opening your session"
 * instead of the no-session notice (see BootShell). It reads only whether the key exists.
 */
const STORED_CHECK = `try{if(localStorage.getItem(${JSON.stringify(PARTICIPANT_KEY)}))document.currentScript.parentElement.setAttribute('data-stored','')}catch(e){}`;

/*
 * Where every participant link ends up once joined; reloading or reopening this address resumes.
 * With the participant cookie (participant-cookie.ts) the server renders the current screen, the
 * survey's current card included, so it is on screen before any JavaScript has run. Without it (or
 * when the API cannot say), the server renders a shell and the phone's own record takes over.
 */
export default async function ParticipantPage() {
  const [view, nonce] = await Promise.all([loadServerView(), headers().then((h) => h.get('x-nonce') ?? undefined)]);
  return (
    <main id="main" className="participant">
      {view ? (
        <ParticipantApp entry={null} view={view} />
      ) : (
        /* The inline check adds data-stored to this element before React hydrates it. */
        <div className="p-boot" suppressHydrationWarning>
          <script nonce={nonce} dangerouslySetInnerHTML={{ __html: STORED_CHECK }} />
          <ParticipantApp entry={null} />
        </div>
      )}
    </main>
  );
}
