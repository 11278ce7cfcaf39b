import { type Codebook, buildCodebook, codebookCsv, codebookJson, NOTES } from './codebook';
import { exportFileName } from './export-names';
import { DATA_FILES, type DataFile, type ExportFile } from './export-model';
import { type DataFileQuery, type ExportScope, longQuery, scoresQuery, wideQuery } from './export-queries';
import { loaderPython, loaderR } from './loaders';
import { loaderSpss } from './loader-spss';
import { pairwiseQuery } from './pairwise-query';

/** Everything an export of one study writes, decided before the first row is read. */
export interface ExportPlan {
  readonly title: string;
  readonly scope: ExportScope;
  readonly at: Date;
  readonly queries: Readonly<Record<DataFile, DataFileQuery>>;
  readonly codebook: Codebook;
  readonly names: Readonly<Record<ExportFile | 'protocol.json' | 'README.txt', string>>;
}

export type GeneratedFile = Exclude<ExportFile, DataFile | 'bundle.zip'> | 'protocol.json' | 'README.txt';
export const GENERATED_FILES: readonly GeneratedFile[] = [
  'codebook.csv',
  'codebook.json',
  'load.R',
  'load.py',
  'load.sps',
  'protocol.json',
  'README.txt',
];

export function exportPlan(title: string, scope: ExportScope, at: Date): ExportPlan {
  const queries = {
    'wide.csv': wideQuery(scope),
    'long.csv': longQuery(scope),
    'scores.csv': scoresQuery(scope),
    'pairwise.csv': pairwiseQuery(scope),
  };
  const files: (ExportFile | 'protocol.json' | 'README.txt')[] = [...DATA_FILES, ...GENERATED_FILES, 'bundle.zip'];
  const names = Object.fromEntries(files.map((file) => [file, exportFileName(title, scope.protocols, file, at)])) as ExportPlan['names'];
  const codebook = buildCodebook({
    study: { id: scope.studyId, title },
    protocols: scope.protocols,
    filter: scope.filter,
    exportedAt: at.toISOString(),
    fileNames: names,
    queries: DATA_FILES.map((file) => queries[file]),
  });
  return { title, scope, at, queries, codebook, names };
}

const README_LINES: readonly [DataFile | GeneratedFile, string][] = [
  [
    'wide.csv',
    'one row per participant: identity, design, journey timestamps, status and dropout, then per phase and instrument each raw answer, each scale score, the instrument version and hash and the check results',
  ],
  [
    'long.csv',
    'one row per participant x phase x instrument x answer column (tidy; for tidyverse and lme4): value holds numeric answers, value_text choice codes and free text',
  ],
  ['scores.csv', 'one row per participant x phase x scale, plus change rows (post - pre, same instrument version)'],
  [
    'pairwise.csv',
    'one row per ordered pair of members of a session, actor (_a) and partner (_p) side by side (Kenny, Kashy & Cook 2006), for actor-partner interdependence models',
  ],
  [
    'codebook.csv',
    'one row per column of every file: label, type, allowed values with labels, range, source, reverse keying, scoring and missing-value rule',
  ],
  ['codebook.json', "the same codebook as JSON, with the export's filter and notes"],
  ['load.R', 'base R loader: source() it, then d <- attune_load()'],
  ['load.py', 'pandas loader: copy it to load.py, then from load import load_all; d = load_all(".")'],
  ['load.sps', 'SPSS syntax with variable and value labels'],
  ['protocol.json', 'the frozen protocols: their canonical JSON (hash it with SHA-256 to check) and hashes'],
];

function readme(plan: ExportPlan): string {
  const filter = plan.scope.filter;
  const lines = [
    `Attune export of "${plan.title}" (study ${plan.scope.studyId}), ${plan.at.toISOString()}`,
    `Protocol versions: ${plan.scope.protocols.map((p) => `v${p.version} sha256 ${p.hash}`).join('; ')}`,
    `Incomplete sessions: ${filter.includeIncomplete ? 'included (as randomised)' : 'left out'}. External ids: ${filter.externalIds ? 'INCLUDED (direct identifiers; handle as personal data)' : 'not included'}.`,
    `Sites: ${filter.site === null ? 'every site (column site)' : `only site ${filter.site}`}.`,
    '',
    ...README_LINES.map(([file, what]) => `${plan.names[file]}\n  ${what}`),
    '',
    ...NOTES.map((note) => `- ${note}`),
  ];
  return `${lines.join('\n')}\n`;
}

function protocolJson(plan: ExportPlan): string {
  const protocols = plan.scope.protocols.map((p) => ({ version: p.version, sha256: p.hash, canonicalJson: p.canonicalJson }));
  return `${JSON.stringify({ format: 'attune.protocols.v1', studyId: plan.scope.studyId, protocols }, null, 2)}\n`;
}

export function generatedText(plan: ExportPlan, file: GeneratedFile): string {
  switch (file) {
    case 'codebook.csv':
      return codebookCsv(plan.codebook);
    case 'codebook.json':
      return codebookJson(plan.codebook);
    case 'load.R':
      return loaderR(plan.codebook);
    case 'load.py':
      return loaderPython(plan.codebook);
    case 'load.sps':
      return loaderSpss(plan.codebook);
    case 'protocol.json':
      return protocolJson(plan);
    case 'README.txt':
      return readme(plan);
  }
}
