import type { Metadata } from 'next';
import { ParticipantApp } from '@/components/participant/participant-app';

export const metadata: Metadata = { title: 'Join a session' };

/** The target of a lab seat link or its QR code. The phone joins with the secret, then moves to /p. */
export default async function SeatLinkPage({ params }: { readonly params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  return (
    <main id="main" className="participant">
      <ParticipantApp entry={{ kind: 'seat', secret: decodeURIComponent(secret).slice(0, 100) }} />
    </main>
  );
}
