import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AmendEditor } from '@/components/builder/amend-editor';
import { StudyNav } from '@/components/study-nav';
import { getStudyForEditing, type StudyForEditing } from '@/lib/api/study-design';
import { powerForTarget } from '../design/actions';
import { checkAmendment, submitAmendment } from './actions';
import '@/styles/builder.css';

export const metadata: Metadata = { title: 'Amend' };

/** A launched or paused study's next protocol version: texts and instruments change, allocation does not. */
export default async function AmendPage({ params }: { readonly params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  const study = await getStudyForEditing(studyId);
  if (!study.ok) {
    if (study.problem.status === 404 || study.problem.status === 400) notFound();
    return (
      <p className="alert" role="alert">
        The study could not be loaded ({study.problem.title}).
      </p>
    );
  }
  const s = study.data;
  return (
    <>
      <h1>Amend: {s.title}</h1>
      <StudyNav studyId={studyId} current="/amend" study={s} />
      <AmendBody studyId={studyId} study={s} />
    </>
  );
}

function AmendBody({ studyId, study: s }: { readonly studyId: string; readonly study: StudyForEditing }) {
  if (s.role !== 'owner')
    return (
      <p className="alert" role="alert">
        Only the study&apos;s owners amend its protocol.
      </p>
    );
  if (s.status !== 'launched' && s.status !== 'paused') {
    return (
      <p className="card">
        {s.status === 'draft' ? 'A draft has no protocol yet: edit its design directly.' : 'A closed study cannot be amended.'}
      </p>
    );
  }
  return (
    <>
      <p>
        Sessions already created keep the protocol version they started under; sessions created after the amendment run the new one. What
        decides allocation is locked.
      </p>
      <AmendEditor
        current={s.design}
        protocolVersion={s.protocolVersion}
        check={checkAmendment.bind(null, studyId)}
        amend={submitAmendment.bind(null, studyId)}
        power={powerForTarget}
      />
    </>
  );
}
