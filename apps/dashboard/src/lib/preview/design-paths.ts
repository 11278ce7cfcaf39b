import type { Design } from './conditions';

const WORDS: Readonly<Record<string, string>> = {
  instructions: 'instructions',
  topicPrompt: 'topic card',
  setup: 'room set-up',
  sets: 'what it puts in the room',
  question: 'question',
  text: 'text',
  consent: 'Consent',
  conversation: 'Conversation',
  completion: 'Completion',
  randomisation: 'Randomisation',
  blockMultipliers: 'block sizes',
  stratifyBy: 'Stratification',
  conditionWeights: 'Condition weights',
  languages: 'Languages',
  sessionSize: 'Session size',
  targetSessionsPerCondition: 'Target per condition',
  dropoutPolicy: 'Dropout policy',
  durationSeconds: 'duration',
  version: 'version',
  pre: 'before the conversation',
  post: 'after the conversation',
  instruments: 'Instruments',
  withdrawal: 'Withdrawal',
  url: 'redirect URL',
  code: 'code',
  factors: 'Factors',
  covariates: 'Covariates',
  levels: 'levels',
  label: 'label',
  id: 'id',
};

type Segment = { readonly key: string; readonly index: number | null };

/** `design.factors[0].levels[1].instructions.de` → [{factors,0},{levels,1},{instructions},{de}]. */
export function pathSegments(path: string): Segment[] {
  const rest = path === 'design' ? '' : path.startsWith('design.') ? path.slice('design.'.length) : path;
  return rest
    .split('.')
    .filter(Boolean)
    .map((part) => {
      const match = /^(.*?)\[(\d+)\]$/.exec(part);
      return match ? { key: match[1] ?? '', index: Number(match[2]) } : { key: part, index: null };
    });
}

function named(kind: string, label: string | undefined, index: number): string {
  return label ? `${kind} "${label}"` : `${kind} ${index + 1}`;
}

/** One segment in words, given what the segments before it pointed at. */
function describeSegment(design: Design, segment: Segment, trail: readonly Segment[]): string {
  const { key, index } = segment;
  const factor = design.factors?.[trail.find((s) => s.key === 'factors')?.index ?? -1];
  if (index !== null) {
    if (key === 'factors') return named('Factor', design.factors?.[index]?.label, index);
    if (key === 'levels' && factor) return named('level', factor.levels[index]?.label, index);
    if (key === 'levels')
      return named('level', design.covariates?.[trail.find((s) => s.key === 'covariates')?.index ?? -1]?.levels[index]?.label, index);
    if (key === 'covariates') return named('Covariate', design.covariates?.[index]?.label, index);
    if (key === 'pre' || key === 'post') {
      const ref = design.instruments?.[key]?.[index];
      return `${WORDS[key]}: ${ref ? `${ref.id} v${ref.version}` : `instrument ${index + 1}`}`;
    }
    return `${WORDS[key] ?? key} ${index + 1}`;
  }
  if ((design.languages ?? []).includes(key) && trail.length > 0) return `in "${key}"`;
  return WORDS[key] ?? key;
}

/** A launch problem's path in the words of the design page: `Factor "Seating", level "Side by side", instructions, in "de"`. */
export function describePath(design: Design, path: string): string {
  const segments = pathSegments(path);
  const words = segments.map((segment, i) => describeSegment(design, segment, segments.slice(0, i)));
  return words.join(', ') || 'The design';
}

/** Where the design page shows the field a problem concerns (its fields carry the problem path as their anchor). */
export function designFieldHref(studyId: string, path: string): string {
  return `/studies/${studyId}/design#${encodeURIComponent(path)}`;
}
