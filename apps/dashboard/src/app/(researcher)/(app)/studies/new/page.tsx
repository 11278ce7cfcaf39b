import type { Metadata } from 'next';
import { listTemplates } from '@/lib/api/study-design';
import { NewStudyForm } from './new-study-form';
import '@/styles/builder.css';

export const metadata: Metadata = { title: 'New study' };

export default async function NewStudyPage() {
  const templates = await listTemplates();
  return (
    <>
      <h1>New study</h1>
      <p>
        Start from a template that replicates a published study, or from scratch. You become the study&apos;s owner and edit its design
        next.
      </p>
      {templates.ok ? null : (
        <p className="alert" role="alert">
          The templates could not be loaded ({templates.problem.title}); you can still start from scratch.
        </p>
      )}
      <NewStudyForm templates={templates.ok ? templates.data : []} />
    </>
  );
}
