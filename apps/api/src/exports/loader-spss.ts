import type { Codebook, CodebookEntry } from './codebook';

/** SPSS string literal: single quotes doubled; line breaks would end the command. */
function s(text: string): string {
  return `'${text.replace(/[\r\n]+/g, ' ').replace(/'/g, "''")}'`;
}

function format(entry: CodebookEntry): string {
  switch (entry.type) {
    case 'integer':
    case 'boolean':
      return 'F8.0';
    case 'number':
      return 'F16.6';
    case 'text':
      return 'A4096';
    default:
      return 'A255';
  }
}

function valueLabels(entries: readonly CodebookEntry[]): string {
  const labelled = entries.filter((e) => e.values.some((v) => v.label !== null));
  if (labelled.length === 0) return '';
  const lines = labelled.map(
    (e) =>
      `  ${e.name} ${e.values
        .filter((v) => v.label !== null)
        .map((v) => `${typeof v.value === 'number' ? v.value : s(v.value)} ${s(v.label ?? '')}`)
        .join(' ')}`,
  );
  return `VALUE LABELS\n${lines.join('\n /')}.\n`;
}

/**
 * The formula guard, as load.R and load.py undo it: a text cell that began with = + - @ ' TAB CR
 * or LF carries one extra leading apostrophe, which is dropped. STRING(n, PIB1) is the one-byte
 * character n, since SPSS string literals cannot spell TAB, CR or LF.
 */
function unescapeGuard(entries: readonly CodebookEntry[]): string {
  const texts = entries.filter((e) => e.type === 'text' || e.type === 'category');
  if (texts.length === 0) return '';
  return `DO REPEAT v =
${texts.map((e) => `  ${e.name}`).join('\n')}.
  IF (SUBSTR(v, 1, 1) = "'" AND INDEX(CONCAT("=+-@'", STRING(9, PIB1), STRING(13, PIB1), STRING(10, PIB1)), SUBSTR(v, 2, 1)) > 0) v = SUBSTR(v, 2).
END REPEAT.
`;
}

function oneFile(file: string, fileName: string, entries: readonly CodebookEntry[]): string {
  const dataset = file.replace(/\.csv$/, '');
  return `* ${file}: ${fileName}.
GET DATA /TYPE=TXT /FILE=${s(fileName)} /ENCODING='UTF8'
  /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS="," /QUALIFIER='"'
  /VARIABLES=
${entries.map((e) => `  ${e.name} ${format(e)}`).join('\n')}.
VARIABLE LABELS
${entries.map((e) => `  ${e.name} ${s(e.label)}`).join('\n /')}.
${unescapeGuard(entries)}${valueLabels(entries)}EXECUTE.
DATASET COPY ${dataset}.
`;
}

/**
 * SPSS syntax: one dataset per file with variable and value labels. Datetimes stay ISO 8601
 * strings (SPSS has no UTC "Z" input format); free text is read as A4096, and text cells lose the
 * formula guard's apostrophe as in the R and pandas loaders. SPSS reads a quoted
 * line break as the end of a case, so free text holding line breaks is better read in R or Python.
 */
export function loaderSpss(codebook: Codebook): string {
  const files = [...new Set(codebook.entries.map((e) => e.file))];
  const body = files.map((file) =>
    oneFile(
      file,
      codebook.fileNames[file] ?? file,
      codebook.entries.filter((e) => e.file === file),
    ),
  );
  // Each file is read into the active dataset and kept as a named copy: GET DATA replaces even a
  // named active dataset in PSPP, so naming it (DATASET NAME) would keep only the last file.
  return `* Attune export loader, generated from the export's codebook (${codebook.exportedAt}).
* Empty cell = system-missing. Run from the folder holding the files: CD 'folder'.
${body.join('\n')}
DATASET ACTIVATE ${files[0]?.replace(/\.csv$/, '') ?? 'wide'}.
`;
}
