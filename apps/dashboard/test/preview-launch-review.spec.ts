import { describePath, designFieldHref, pathSegments } from '@/lib/preview/design-paths';
import { protocolSummary, randomisationWords } from '@/lib/preview/protocol-summary';
import { design } from './preview-fixture';

describe("describePath: a launch problem's path in the design page's words", () => {
  it.each([
    ['design.factors[1].levels[1].instructions.de', 'Factor "Seating", level "Side by side", instructions, in "de"'],
    ['design.covariates[0].question.de', 'Covariate "Knew each other", question, in "de"'],
    ['design.covariates[0].levels[1].text.de', 'Covariate "Knew each other", level "Acquainted", text, in "de"'],
    ['design.instruments.post[1]', 'Instruments, after the conversation: check_phone v2'],
    ['design.consent.text.de', 'Consent, text, in "de"'],
    ['design.stratifyBy', 'Stratification'],
    ['design.factors[7]', 'Factor 8'],
    ['design', 'The design'],
  ])('%s', (path, words) => {
    expect(describePath(design(), path)).toBe(words);
  });

  it('splits paths into keys and indexes, and links to the field on the design page', () => {
    expect(pathSegments('design.factors[0].levels[12].id')).toEqual([
      { key: 'factors', index: 0 },
      { key: 'levels', index: 12 },
      { key: 'id', index: null },
    ]);
    expect(designFieldHref('s1', 'design.factors[0].label')).toBe('/studies/s1/design#design.factors%5B0%5D.label');
  });
});

describe('protocolSummary: what launch freezes', () => {
  it('lists every condition with its weight and the totals', () => {
    const summary = protocolSummary(design({ conditionWeights: { 'phone=absent|seating=side_by_side': 2 } }));
    expect(summary.conditions.map((c) => [c.id, c.weight])).toEqual([
      ['phone=present|seating=face_to_face', 1],
      ['phone=present|seating=side_by_side', 1],
      ['phone=absent|seating=face_to_face', 1],
      ['phone=absent|seating=side_by_side', 2],
    ]);
    expect(summary.targetSessions).toBe(120);
    expect(summary.instruments).toEqual({ pre: ['ios v2'], post: ['ios v2', 'check_phone v2'] });
    expect(summary.completion).toBe('completion code ATTUNE-PS');
    expect(summary.conversationMinutes).toBe(10);
  });

  it('says the block sizes the multipliers and weights imply, and the strata', () => {
    expect(randomisationWords(design(), 4)).toBe(
      'Stratified permuted blocks: permuted blocks of 4, 8 or 12 sessions, the size drawn at random for each block, separately within each stratum (stratified by: Knew each other).',
    );
    expect(randomisationWords(design({ randomisation: { scheme: 'permuted_blocks', blockMultipliers: [2, 1] }, stratifyBy: [] }), 2)).toBe(
      'Permuted blocks: permuted blocks of 2 or 4 sessions, the size drawn at random for each block.',
    );
    expect(randomisationWords(design({ randomisation: { scheme: 'complete', blockMultipliers: [] } }), 4)).toMatch(
      /^Complete randomisation/,
    );
  });
});
