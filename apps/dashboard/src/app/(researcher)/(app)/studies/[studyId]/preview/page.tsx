import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PreviewPhone } from '@/components/preview/preview-phone';
import { StudyNav } from '@/components/study-nav';
import { getStudyDetail } from '@/lib/api/analysis';
import { type Condition, conditionsOf, type Design } from '@/lib/preview/conditions';
import { type PreviewMode, type PreviewPlan, previewSteps } from '@/lib/preview/preview-steps';
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

interface Choice {
  readonly key: string;
  readonly href: string;
  readonly current: boolean;
  readonly text: string;
  readonly lang?: string;
}

function PickerNav({ label, title, choices }: { readonly label: string; readonly title: string; readonly choices: readonly Choice[] }) {
  return (
    <nav aria-label={label}>
      <h2 className="preview-picker-title">{title}</h2>
      <ul className="preview-choices">
        {choices.map((choice) => (
          <li key={choice.key}>
            <Link href={choice.href} lang={choice.lang} aria-current={choice.current ? 'true' : undefined}>
              {choice.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface PickersProps {
  readonly base: string;
  readonly design: Design;
  readonly condition: Condition;
  readonly language: string;
  readonly mode: PreviewMode;
}

function Pickers({ base, design, condition, language, mode }: PickersProps) {
  const conditions = conditionsOf(design).map((option) => ({
    key: option.id,
    href: href(base, option.id, language, mode),
    current: option.id === condition.id,
    text: option.label,
  }));
  const languages = design.languages.map((code) => ({
    key: code,
    href: href(base, condition.id, code, mode),
    current: code === language,
    text: code,
    lang: code,
  }));
  const modes = MODES.map(([value, label]) => ({
    key: value,
    href: href(base, condition.id, language, value),
    current: value === mode,
    text: label,
  }));
  return (
    <div className="preview-pickers">
      <PickerNav label="Condition to preview" title="Condition" choices={conditions} />
      <PickerNav label="Language to preview" title="Language" choices={languages} />
      <PickerNav label="Kind of session to preview" title="Session" choices={modes} />
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

/** Texts shown in English for want of a translation, and instruments this version cannot show. */
function PlanNotes({ plan }: { readonly plan: PreviewPlan }) {
  return (
    <>
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
    </>
  );
}

interface PreviewProps {
  readonly plan: PreviewPlan;
  readonly design: Design;
  readonly base: string;
  readonly mode: PreviewMode;
}

function Preview({ plan, design, base, mode }: PreviewProps) {
  return (
    <>
      <Pickers base={base} design={design} condition={plan.condition} language={plan.language} mode={mode} />
      <p data-testid="preview-condition">
        Previewing <strong>{plan.condition.label}</strong> in <strong lang={plan.language}>{plan.language}</strong>,{' '}
        {mode === 'lab'
          ? "in a lab session (the research assistant's console keeps the time)"
          : 'in an online session (the phones keep the time)'}
        .
      </p>
      <PlanNotes plan={plan} />
      <PreviewPhone key={`${plan.condition.id}/${plan.language}/${mode}`} plan={plan} hrefBase={base} />
      {mode === 'lab' ? <RoomSetup design={design} condition={plan.condition} /> : null}
    </>
  );
}

interface PreviewPageProps {
  readonly params: Promise<{ studyId: string }>;
  readonly searchParams: Search;
}

/** The participant's whole phone journey for one condition and language; nobody joins, nothing is stored. */
export default async function PreviewPage({ params, searchParams }: PreviewPageProps) {
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
        <Preview plan={plan} design={design} base={base} mode={mode} />
      ) : (
        <p className="preview-note" role="note">
          The design has no factors with levels yet, so there is no condition to preview.{' '}
          <Link href={`/studies/${studyId}/design`}>Add them in the design</Link>.
        </p>
      )}
    </>
  );
}
