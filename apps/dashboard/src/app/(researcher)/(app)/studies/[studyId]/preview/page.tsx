import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PreviewPhone } from '@/components/preview/preview-phone';
import { StudyNav } from '@/components/study-nav';
import { getStudyDetail } from '@/lib/api/analysis';
import { type Condition, conditionsOf, type Design } from '@/lib/preview/conditions';
import { type PreviewMode, previewSteps } from '@/lib/preview/preview-steps';
import '@/styles/preview.css';

export const metadata: Metadata = { title: 'Participant preview' };

type Search = Promise<{ condition?: string | string[]; lang?: string | string[]; mode?: string | string[] }>;

const MODES: readonly (readonly [PreviewMode, string])[] = [
  ['lab', 'Lab session'],
  ['online', 'Online session'],
];

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function href(base: string, condition: string, language: string, mode: PreviewMode): string {
  return `${base}?${new URLSearchParams({ condition, lang: language, mode }).toString()}`;
}

function Pickers({
  base,
  design,
  condition,
  language,
  mode,
}: {
  readonly base: string;
  readonly design: Design;
  readonly condition: Condition;
  readonly language: string;
  readonly mode: PreviewMode;
}) {
  return (
    <div className="preview-pickers">
      <nav aria-label="Condition to preview">
        <h2 className="preview-picker-title">Condition</h2>
        <ul className="preview-choices">
          {conditionsOf(design).map((option) => (
            <li key={option.id}>
              <Link href={href(base, option.id, language, mode)} aria-current={option.id === condition.id ? 'true' : undefined}>
                {option.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="Language to preview">
        <h2 className="preview-picker-title">Language</h2>
        <ul className="preview-choices">
          {design.languages.map((code) => (
            <li key={code}>
              <Link href={href(base, condition.id, code, mode)} lang={code} aria-current={code === language ? 'true' : undefined}>
                {code}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="Kind of session to preview">
        <h2 className="preview-picker-title">Session</h2>
        <ul className="preview-choices">
          {MODES.map(([value, label]) => (
            <li key={value}>
              <Link href={href(base, condition.id, language, value)} aria-current={value === mode ? 'true' : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

/** What the research assistant does for this condition: the console shows it, the phones never do. */
function RoomSetup({ design, condition }: { readonly design: Design; readonly condition: Condition }) {
  const setups = condition.levels.flatMap((ref) => {
    const setup = design.factors.find((factor) => factor.id === ref.factorId)?.levels.find((level) => level.id === ref.levelId)?.setup;
    return setup ? [{ key: ref.factorId, text: `${ref.factorLabel}: ${setup}` }] : [];
  });
  if (setups.length === 0) return null;
  return (
    <section className="card preview-setup" aria-labelledby="setup-heading">
      <h2 id="setup-heading">Room set-up (lab console only)</h2>
      <ul>
        {setups.map((setup) => (
          <li key={setup.key}>{setup.text}</li>
        ))}
      </ul>
    </section>
  );
}

/** The participant's whole phone journey for one condition and language; nobody joins, nothing is stored. */
export default async function PreviewPage({
  params,
  searchParams,
}: {
  readonly params: Promise<{ studyId: string }>;
  readonly searchParams: Search;
}) {
  const [{ studyId }, query] = await Promise.all([params, searchParams]);
  const study = await getStudyDetail(studyId);
  if (!study.ok) {
    if (study.problem.status === 404 || study.problem.status === 400) notFound();
    return (
      <p className="alert" role="alert">
        The study could not be loaded ({study.problem.title}).
      </p>
    );
  }
  const { design, title } = study.data;
  const mode: PreviewMode = first(query.mode) === 'online' ? 'online' : 'lab';
  const plan = previewSteps(design, first(query.condition), first(query.lang), { title, mode });
  const base = `/studies/${studyId}/preview`;
  return (
    <>
      <h1>Participant preview</h1>
      <StudyNav studyId={studyId} current="/preview" study={study.data} />
      <p>
        {title}. What one seat&apos;s phone shows, step by step, with the participant pages&apos; own screens. Nobody joins and nothing is
        stored.
      </p>
      {plan ? (
        <>
          <Pickers base={base} design={design} condition={plan.condition} language={plan.language} mode={mode} />
          <p data-testid="preview-condition">
            Previewing <strong>{plan.condition.label}</strong> in <strong lang={plan.language}>{plan.language}</strong>,{' '}
            {mode === 'lab'
              ? "in a lab session (the research assistant's console keeps the time)"
              : 'in an online session (the phones keep the time)'}
            .
          </p>
          {plan.fallbacks.length > 0 ? (
            <div className="preview-note" role="note" aria-labelledby="fallbacks-heading" data-testid="preview-fallbacks">
              <h2 id="fallbacks-heading">Not translated into {plan.language}</h2>
              <ul>
                {plan.fallbacks.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {plan.unknownInstruments.length > 0 ? (
            <p className="preview-note" role="note">
              Not shipped by this version of Attune, so not shown: {plan.unknownInstruments.join(', ')}.
            </p>
          ) : null}
          <PreviewPhone key={`${plan.condition.id}/${plan.language}/${mode}`} plan={plan} hrefBase={base} />
          {mode === 'lab' ? <RoomSetup design={design} condition={plan.condition} /> : null}
        </>
      ) : (
        <p className="preview-note" role="note">
          The design has no factors with levels yet, so there is no condition to preview.{' '}
          <Link href={`/studies/${studyId}/design`}>Add them in the design</Link>.
        </p>
      )}
    </>
  );
}
