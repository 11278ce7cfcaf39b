import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchedStudy } from '../sessions/factories';
import { startTestApp, type TestApp } from '../support/app';
import { ownerOf } from '../support/studies';
import { seedSessions } from './factories';
import { binary, type CodebookJson, parseCsv } from './support';

function has(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

const python = ['/usr/bin/python3', 'python3'].find((candidate) => has(candidate, ['-c', 'import pandas']));
const hasR = has('Rscript', ['--version']);
const hasPspp = has('pspp', ['--version']);

/** Runs a loader test only where its program is installed, and says so in the report when not. */
function where(available: boolean, program: string): jest.It {
  if (available) return it;
  process.stderr.write(`exports/loaders.spec: ${program} is not on this machine; its loader test is skipped\n`);
  return it.skip;
}

describe('bundle.zip and the loaders generated from the codebook', () => {
  let app: TestApp;
  let dir: string;
  let book: CodebookJson;

  beforeAll(async () => {
    app = await startTestApp();
    const owner = await ownerOf(app);
    const study = await launchedStudy(owner, { templateId: 'phone_seating' });
    const [protocol] = (await app.db.dataSource.query(
      `SELECT canonical_json::jsonb -> 'instruments' AS instruments FROM protocol WHERE study_id = $1`,
      [study.id],
    )) as { instruments: { phase: 'pre' | 'post'; id: string; version: number }[] }[];
    await seedSessions(app, study.id, study.design, protocol?.instruments ?? []);
    const res = await owner.call('get', `/api/studies/${study.id}/exports/bundle.zip`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    dir = mkdtempSync(join(tmpdir(), 'attune-export-'));
    writeFileSync(join(dir, 'bundle.zip'), res.body as Buffer);
    execFileSync('unzip', ['-q', 'bundle.zip'], { cwd: dir });
    const codebookFile = readdirSync(dir).find((name) => name.includes('_codebook_') && name.endsWith('.json')) as string;
    book = JSON.parse(readFileSync(join(dir, codebookFile), 'utf8')) as CodebookJson;
  }, 60_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  });

  const file = (kind: string, ext: string): string =>
    readdirSync(dir).find((name) => name.includes(`_${kind}_`) && name.endsWith(ext)) as string;

  it('holds every file, protocol.json whose canonical JSON hashes to its hash, and a README naming each file', () => {
    const names = readdirSync(dir).filter((name) => name !== 'bundle.zip');
    expect(
      names
        .map((name) => name.replace(/^.*?_(wide|long|scores|pairwise|codebook|load|protocol|README)_v1_[0-9a-f]{8}_\d{8}(\.\w+)$/, '$1$2'))
        .sort(),
    ).toEqual([
      'README.txt',
      'codebook.csv',
      'codebook.json',
      'load.R',
      'load.py',
      'load.sps',
      'long.csv',
      'pairwise.csv',
      'protocol.json',
      'scores.csv',
      'wide.csv',
    ]);
    const protocols = JSON.parse(readFileSync(join(dir, file('protocol', '.json')), 'utf8')) as {
      protocols: { sha256: string; canonicalJson: string }[];
    };
    const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    for (const p of protocols.protocols) expect(createHash('sha256').update(p.canonicalJson).digest('hex')).toBe(p.sha256);
    const readme = readFileSync(join(dir, file('README', '.txt')), 'utf8');
    for (const name of names.filter((n) => !n.includes('_README_'))) expect(readme).toContain(name);
  });

  where(hasR, 'Rscript')('load.R reads every file with its codebook types and factor levels (R)', () => {
    const script = `source("${file('load', '.R')}"); d <- attune_load(); for (n in names(d)) cat(n, nrow(d[[n]]), ncol(d[[n]]), "\\n");
      cat("classes", class(d$wide$seat), class(d$wide$condition), class(d$wide$session_incomplete), class(d$wide$joined_at)[1], class(d$wide$stratum), "\\n");
      cat("levels", levels(d$wide$condition), "\\n"); cat("stratum", any(d$wide$stratum == "=1+1, \\"strat\\"\\n\\U1F600", na.rm = TRUE), "\\n")`;
    const out = execFileSync('Rscript', ['-e', script], { cwd: dir, encoding: 'utf8' });
    for (const f of book.files.filter((x) => x.file.endsWith('.csv')))
      expect(out).toMatch(new RegExp(`^${f.file.replace('.csv', '')} \\d+ ${f.columns.length} `, 'm'));
    expect(out).toMatch(/^wide 7 /m);
    expect(out).toContain('classes integer factor logical POSIXct character');
    expect(out).toContain('stratum TRUE');
  });

  where(python !== undefined, 'python3 with pandas')('load.py reads every file with pandas dtypes and categoricals (Python)', () => {
    const script = `from load import load_all\nd = load_all(".")\nfor k, v in d.items(): print(k, len(v), len(v.columns))\nw = d["wide"]\nprint("dtypes", w["seat"].dtype, w["condition"].dtype, w["session_incomplete"].dtype, w["joined_at"].dtype)\nprint("stratum", (w["stratum"] == '=1+1, "strat"\\n\\U0001F600').any())`;
    writeFileSync(join(dir, 'load.py'), readFileSync(join(dir, file('load', '.py'))));
    const out = execFileSync(python ?? 'python3', ['-c', script], { cwd: dir, encoding: 'utf8' });
    for (const f of book.files.filter((x) => x.file.endsWith('.csv')))
      expect(out).toMatch(new RegExp(`^${f.file.replace('.csv', '')} \\d+ ${f.columns.length}$`, 'm'));
    expect(out).toContain('dtypes Int64 category boolean datetime64[ns, UTC]');
    expect(out).toContain('stratum True');
  });

  it('load.sps declares a variable for every codebook column', () => {
    const syntax = readFileSync(join(dir, file('load', '.sps')), 'utf8');
    for (const f of book.files) for (const c of f.columns) expect(syntax).toMatch(new RegExp(`^  ${c.name} [AF]\\d`, 'm'));
  });

  where(hasPspp, 'pspp')(
    'load.sps runs in PSPP, keeps every file as a dataset with its columns, and drops the formula guard as load.R and load.py do',
    () => {
      const datasets = book.files.map((f) => f.file.replace(/\.csv$/, ''));
      // The seeded free texts hold line breaks, which SPSS and PSPP read as the end of a case (the
      // loader says so): each such row warns, and PSPP would stop after 100 warnings.
      const syntax = `SET MXWARNS=100000.
${readFileSync(join(dir, file('load', '.sps')), 'utf8')}
${datasets.map((d) => `DATASET ACTIVATE ${d}.\nSAVE TRANSLATE /OUTFILE='${d}-pspp.csv' /TYPE=CSV /FIELDNAMES /REPLACE.`).join('\n')}
`;
      writeFileSync(join(dir, 'check.sps'), syntax);
      const run = spawnSync('pspp', ['-O', 'format=txt', '-o', 'pspp.txt', 'check.sps'], { cwd: dir, encoding: 'utf8' });
      const log = `${run.stdout}${run.stderr}${readFileSync(join(dir, 'pspp.txt'), 'utf8')}`;
      expect(log).not.toMatch(/error:/i);
      const read = (dataset: string) => parseCsv(readFileSync(join(dir, `${dataset}-pspp.csv`), 'utf8'));
      for (const f of book.files) expect(read(f.file.replace(/\.csv$/, '')).header).toEqual(f.columns.map((c) => c.name));
      const texts = read('long').rows.map((row) => (row['value_text'] ?? '').trimEnd());
      expect(texts).toEqual(expect.arrayContaining(['=SUM(1,2)', '-negative', '+plus', '@at', '\ttab', "'apostrophe"]));
      expect(texts.filter((text) => /^'[=+\-@'\t]/.test(text) && text !== "'apostrophe")).toEqual([]);
    },
  );
});
