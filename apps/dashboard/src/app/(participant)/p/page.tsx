import type { Metadata } from 'next';
import { ParticipantApp } from '@/components/participant/participant-app';

export const metadata: Metadata = { title: 'Your study session' };

/*
 * Where every participant link ends up once joined (the token lives in the phone's localStorage,
 * so reloading or reopening this address resumes). Static: the server renders the shell only.
 */
export default function ParticipantPage() {
  return (
    <main id="main" className="participant">
      <ParticipantApp entry={null} />
    </main>
  );
}
