import Link from 'next/link';
import type { StudyDetail, Verification } from '@/lib/api/analysis';
import { moveStudyAction } from './status-actions';
import { CloseStudy, StatusButton } from './status-controls';

type Links = readonly (readonly [string, string])[];

function linksFor(study: StudyDetail): Links {
  const owner = study.role === 'owner';
  const base = `/studies/${study.id}`;
  const preview: Links = [[`${base}/preview`, "Preview the participant's phone"]];
  const team: Links = [[`${base}/team`, 'Team members']];
  switch (study.status) {
    case 'draft':
      return [
        ...(owner ? [[`${base}/design`, 'Edit the design'] as const] : []),
        ...preview,
        ...(owner ? [[`${base}/launch`, 'Review and launch'] as const] : []),
        ...team,
      ];
    case 'launched':
    case 'paused':
      return [
        ...(study.role === 'analyst' ? [] : [[`${base}/lab`, 'Lab console and QR seat links'] as const]),
        ...(owner ? [[`${base}/amend`, 'Amend the protocol'] as const] : []),
        ...preview,
        ...team,
      ];
    case 'closed':
      return [...preview, ...team];
  }
}

function StatusSentence({ status }: { readonly status: StudyDetail['status'] }) {
  const text = {
    draft: 'Draft: edit the design, preview it, then launch.',
    launched: 'Running: participants can join.',
    paused: 'Paused: nobody new can join; sessions under way go on.',
    closed: 'Closed: the seed is revealed and the allocations can be checked.',
  }[status];
  return <p>{text}</p>;
}

/** What can be done with the study now: its parts for this status, and (owners) pause, resume and close. */
export function StudyControls({ study }: { readonly study: StudyDetail }) {
  const owner = study.role === 'owner';
  const running = study.status === 'launched' || study.status === 'paused';
  return (
    <section className="card after-card" aria-labelledby="controls-heading" data-testid="study-controls">
      <h2 id="controls-heading">Run the study</h2>
      <StatusSentence status={study.status} />
      <ul>
        {linksFor(study).map(([href, label]) => (
          <li key={href}>
            <Link href={href}>{label}</Link>
          </li>
        ))}
      </ul>
      {owner && running ? (
        <div className="action-row">
          {study.status === 'launched' ? (
            <StatusButton action={moveStudyAction.bind(null, study.id, 'pause')} label="Pause recruitment" />
          ) : (
            <StatusButton action={moveStudyAction.bind(null, study.id, 'resume')} label="Resume recruitment" />
          )}
          <CloseStudy action={moveStudyAction.bind(null, study.id, 'close')} />
        </div>
      ) : null}
    </section>
  );
}

/** After close: the revealed seed and what regenerating every sequence from it found. */
export function VerificationResult({ verification }: { readonly verification: Verification }) {
  const checked = verification.strata.reduce((sum, stratum) => sum + stratum.checked, 0);
  const mismatches = verification.strata.reduce((sum, stratum) => sum + stratum.mismatches.length, 0) + verification.sessions.length;
  return (
    <section className="card after-card" aria-labelledby="verification-heading">
      <h2 id="verification-heading">Allocation verification</h2>
      <p data-testid="verification" className={verification.matches ? undefined : 'alert'}>
        {verification.matches
          ? `Verified: every stored allocation (${checked} in ${verification.strata.length} ${verification.strata.length === 1 ? 'stratum' : 'strata'}) equals the sequence regenerated from the revealed seed, and the seed matches its commitment.`
          : `MISMATCH: ${mismatches} ${mismatches === 1 ? 'allocation differs' : 'allocations differ'} from the sequence regenerated from the seed. The API's verification report (npm run verify-allocation) names each one.`}
      </p>
      <dl className="facts">
        <dt>Revealed seed</dt>
        <dd className="mono hash">{verification.seedHex}</dd>
        <dt>Commitment</dt>
        <dd className="mono hash">{verification.seedCommitment}</dd>
      </dl>
    </section>
  );
}
