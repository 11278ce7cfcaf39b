// What factorialModel refuses, with the code a caller can show.
import { AnalysisError } from './errors';
import { factorialModel } from './factorial-model';

const factors = [{ id: 'phone', levels: ['present', 'absent'] }];
const row = (y: number | null, level: string, covariate?: number | null) => ({ y, levels: { phone: level }, covariate });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AnalysisError) return error.code;
    throw error;
  }
  return undefined;
}

describe('factorialModel input problems', () => {
  it('names an empty condition', () => {
    expect(codeOf(() => factorialModel({ rows: [row(1, 'present'), row(2, 'present')], factors }))).toBe('EMPTY_CELL');
  });

  it('rejects an undeclared level', () => {
    expect(codeOf(() => factorialModel({ rows: [row(1, 'present'), row(2, 'maybe')], factors }))).toBe('UNKNOWN_LEVEL');
  });

  it('needs residual degrees of freedom', () => {
    expect(codeOf(() => factorialModel({ rows: [row(1, 'present'), row(2, 'absent')], factors }))).toBe('NO_RESIDUAL_DF');
  });

  it('refuses a constant covariate (collinear with the intercept once centred)', () => {
    const rows = [row(1, 'present', 3), row(2, 'present', 3), row(4, 'absent', 3), row(3, 'absent', 3)];
    expect(codeOf(() => factorialModel({ rows, factors, covariate: true }))).toBe('RANK_DEFICIENT');
  });

  it('needs a factor', () => {
    expect(codeOf(() => factorialModel({ rows: [row(1, 'present')], factors: [] }))).toBe('NO_FACTORS');
  });

  it('excludes and counts sessions without a score or, in an ANCOVA, without the covariate', () => {
    const rows = [
      row(1, 'present', 1),
      row(2, 'present', 2),
      row(null, 'present', 1),
      row(4, 'absent', 3),
      row(3, 'absent', null),
      row(5, 'absent', 2),
    ];
    expect(factorialModel({ rows, factors }).excluded).toBe(1);
    expect(factorialModel({ rows, factors, covariate: true })).toMatchObject({ n: 4, excluded: 2, covariateMean: 2 });
  });
});
