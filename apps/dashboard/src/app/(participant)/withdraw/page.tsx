import type { Metadata } from 'next';
import { WithdrawForm } from '@/components/participant/withdraw-form';

export const metadata: Metadata = { title: 'Withdraw from a study' };

/** Public: a participant withdraws their data with the code from their completion screen. No login. */
export default function WithdrawPage() {
  return (
    <main id="main" className="participant">
      <div className="p-card">
        <h1>Withdraw your answers</h1>
        <p>You took part in a conversation study and want your answers removed. You do not have to give a reason.</p>
        <WithdrawForm />
      </div>
    </main>
  );
}
