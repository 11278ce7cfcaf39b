import type { DataProtection } from '@/lib/api/data-protection';
import { RecordWithdrawal } from './record-withdrawal';

function day(iso: string | null): string | null {
  return iso === null
    ? null
    : new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function retentionText(identifiers: DataProtection['identifiers']): string {
  if (identifiers.participantDataPurgedAt) return `Every participant's data was purged on ${day(identifiers.participantDataPurgedAt)}.`;
  if (identifiers.deletedAt) return `Deleted on ${day(identifiers.deletedAt)}.`;
  if (identifiers.dueAt) return `Will be deleted on ${day(identifiers.dueAt)} (${identifiers.retentionDays} days after closing).`;
  return `Will be deleted ${identifiers.retentionDays} days after the study closes.`;
}

/** Withdrawal period, withdrawals so far, identifier retention; researchers can record a withdrawal. */
export function DataProtectionCard({
  studyId,
  protection,
  canWithdraw,
}: {
  readonly studyId: string;
  readonly protection: DataProtection;
  readonly canWithdraw: boolean;
}) {
  const { withdrawal, identifiers } = protection;
  return (
    <section className="card" aria-labelledby="data-protection-heading" data-testid="data-protection">
      <h2 id="data-protection-heading">Withdrawal and retention</h2>
      <dl className="facts">
        <dt>Withdrawal possible</dt>
        <dd>
          {withdrawal.deadline ? `until ${day(withdrawal.deadline)}` : `until ${withdrawal.daysAfterClose} days after the study closes`}{' '}
          (participants get a code on their completion screen; /withdraw)
        </dd>
        <dt>Withdrawn so far</dt>
        <dd data-testid="withdrawn-count">{withdrawal.withdrawn}</dd>
        <dt>External ids and identifying free text</dt>
        <dd data-testid="retention">{retentionText(identifiers)}</dd>
      </dl>
      {canWithdraw ? <RecordWithdrawal studyId={studyId} /> : null}
    </section>
  );
}
