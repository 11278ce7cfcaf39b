import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DraftEditor } from '@/components/builder/draft-editor';
import { StudyNav } from '@/components/study-nav';
import { getDesignProblems, getStudyForEditing, type StudyForEditing } from '@/lib/api/study-design';
import { loadDesignDraft, powerForTarget, saveDesignDraft } from './actions';
import '@/styles/builder.css';

export const metadata: Metadata = { title: 'Design' };

/** The draft's design, every part editable, saved as the owner types. Launched studies are amended instead. */
export default async function DesignPage({ params }: { readonly params: Promise<{ studyId: string }> }) {
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
      <h1>Design: {s.title}</h1>
      <StudyNav studyId={studyId} current="/design" study={s} />
      <DesignBody studyId={studyId} study={s} />
    </>
  );
}

async function DesignBody({ studyId, study: s }: { readonly studyId: string; readonly study: StudyForEditing }) {
  if (s.role !== 'owner')
    return (
      <p className="alert" role="alert">
        Only the study&apos;s owners edit its design.
      </p>
    );
  if (s.status !== 'draft') return <Frozen studyId={studyId} closed={s.status === 'closed'} />;
  const problems = await getDesignProblems(studyId);
  return (
    <>
      <p className="muted">
        Changes save as you type. The list below shows what launch would still refuse; each problem links to its field.
      </p>
      <DraftEditor
        initial={{ title: s.title, description: s.description, design: s.design }}
        revision={s.revision}
        problems={problems.ok ? problems.data.problems : []}
        save={saveDesignDraft.bind(null, studyId)}
        load={loadDesignDraft.bind(null, studyId)}
        power={powerForTarget}
      />
    </>
  );
}

function Frozen({ studyId, closed }: { readonly studyId: string; readonly closed: boolean }) {
  return (
    <div className="card">
      <p>This study has been launched: its protocol is frozen.</p>
      {closed ? (
        <p>It is closed, so it can no longer be amended.</p>
      ) : (
        <p>
          <Link href={`/studies/${studyId}/amend`}>Amend the protocol</Link> to change its texts or instruments.
        </p>
      )}
    </div>
  );
}
