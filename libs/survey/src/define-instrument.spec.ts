import { checkInstrument } from './check-instrument';
import { defineInstrument, parseInstrument } from './define-instrument';
import { InstrumentDefinitionError, type DefinitionProblem } from './definition-error';
import { sampler } from './test-support/sampler';
import type { Instrument } from './types';

type Fields = Record<string, unknown>;

const labels = { min: { en: 'lo' }, max: { en: 'hi' } };
const likertA: Fields = { kind: 'likert', id: 'a', text: { en: 'A' }, points: 5, endLabels: labels };
const minimal: Fields = {
  id: 'mini',
  version: 1,
  title: { en: 'Mini' },
  citation: 'Test.',
  licence: 'Test.',
  languages: ['en'],
  items: [likertA],
  scales: [],
};
const option = (value: string): Fields => ({ value, label: { en: value } });
const scale = (patch: Fields = {}): Fields => ({ id: 's', label: { en: 'S' }, items: ['a'], method: 'mean', minAnswered: 1, ...patch });
/** The minimal definition with top-level fields replaced; extra items go after item "a". */
const variant = (patch: Fields, ...extraItems: Fields[]): unknown => ({
  ...minimal,
  ...(extraItems.length > 0 ? { items: [likertA, ...extraItems] } : {}),
  ...patch,
});
const check = (patch: Fields): Fields => ({
  kind: 'manipulation-check',
  id: 'p',
  purpose: 'manipulation',
  text: { en: 'P' },
  options: [option('yes'), option('no')],
  ...patch,
});
const seven = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ en: `P${n}` }));
const ios = (patch: Fields): Fields => ({
  kind: 'ios',
  id: 'o',
  text: { en: 'O' },
  selfLabel: { en: 'S' },
  otherLabel: { en: 'O' },
  pointLabels: seven,
  ...patch,
});
const withLikert = (patch: Fields): unknown => variant({ items: [{ ...likertA, ...patch }] });

const problemsOf = (definition: unknown): DefinitionProblem[] => checkInstrument(definition);

describe('defineInstrument', () => {
  it('returns a deep-frozen copy of a valid definition', () => {
    const source = JSON.parse(JSON.stringify(minimal)) as Instrument;
    const instrument = defineInstrument(source);
    expect(instrument).toEqual(source);
    expect(instrument).not.toBe(source);
    expect(Object.isFrozen(instrument.items[0])).toBe(true);
  });

  it('throws one error listing every problem with its path', () => {
    const broken = variant(
      {
        languages: ['en', 'de'],
        scales: [scale({ items: ['nope'] })],
      },
      { ...likertA, text: { en: 'dup' }, endLabels: undefined, pointLabels: [] },
      { kind: 'numeric', id: 'b', text: { en: 'B' }, min: 10, max: 1, integer: true },
    );
    let error: unknown;
    try {
      parseInstrument(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InstrumentDefinitionError);
    const paths = (error as InstrumentDefinitionError).problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['items[1].id', 'items[1].pointLabels', 'items[2]', 'scales[0].items[0]', 'title.de', 'items[0].text.de']),
    );
    expect((error as Error).message).toContain('items[2]: bounds reversed');
    expect((error as Error).message).toContain('scales[0].items[0]: unknown item "nope"');
  });

  // [what, definition, a path expected among the problems]
  const cases: ReadonlyArray<readonly [string, unknown, string]> = [
    ['bad instrument id', variant({ id: 'Mini' }), 'id'],
    ['version 0', variant({ version: 0 }), 'version'],
    ['semver string version', variant({ version: '1.0.0' }), 'version'],
    ['no languages', variant({ languages: [] }), 'languages'],
    ['bad language code', variant({ languages: ['english'] }), 'languages[0]'],
    ['undeclared translation', variant({ title: { en: 'Mini', fr: 'Mini' } }), 'title.fr'],
    ['empty translation', withLikert({ text: { en: ' ' } }), 'items[0].text.en'],
    ['missing citation', variant({ citation: undefined }), 'citation'],
    ['unknown property (typo)', withLikert({ reverese: true }), 'items[0].reverese'],
    ['unknown kind', withLikert({ kind: 'matrix' }), 'items[0].kind'],
    ['item id with a dash', withLikert({ id: 'item-1' }), 'items[0].id'],
    ['item id too long', withLikert({ id: `a${'b'.repeat(63)}` }), 'items[0].id'],
    ['likert with 12 points', withLikert({ points: 12 }), 'items[0].points'],
    ['likert with 1 point', withLikert({ points: 1 }), 'items[0].points'],
    ['likert with both label styles', withLikert({ pointLabels: [1, 2, 3, 4, 5].map(() => ({ en: 'x' })) }), 'items[0]'],
    ['likert with no labels', withLikert({ endLabels: undefined }), 'items[0]'],
    ['likert with a label per point missing', withLikert({ endLabels: undefined, pointLabels: [{ en: 'x' }] }), 'items[0].pointLabels'],
    ['reverse not boolean', withLikert({ reverse: 'yes' }), 'items[0].reverse'],
    ['no items', variant({ items: [] }), 'items'],
    [
      'duplicate option',
      variant({}, { kind: 'single-choice', id: 'c', text: { en: 'C' }, options: [option('x'), option('x')] }),
      'items[1].options',
    ],
    [
      'option code with spaces',
      variant({}, { kind: 'single-choice', id: 'c', text: { en: 'C' }, options: [option('x y')] }),
      'items[1].options[0].value',
    ],
    [
      'numeric integer with fractional bound',
      variant({}, { kind: 'numeric', id: 'n', text: { en: 'N' }, min: 0.5, max: 3, integer: true }),
      'items[1]',
    ],
    ['numeric with equal bounds', variant({}, { kind: 'numeric', id: 'n', text: { en: 'N' }, min: 3, max: 3, integer: true }), 'items[1]'],
    ['text with maxLength 0', variant({}, { kind: 'text', id: 't', text: { en: 'T' }, maxLength: 0 }), 'items[1].maxLength'],
    [
      'multi-choice min > max',
      variant(
        {},
        { kind: 'multi-choice', id: 'm', text: { en: 'M' }, minSelected: 2, maxSelected: 1, options: [option('a'), option('b')] },
      ),
      'items[1]',
    ],
    [
      'attention check expecting a non-option',
      variant({}, { kind: 'attention-check', id: 'k', style: 'instructed', text: { en: 'K' }, options: [option('a')], expected: 'b' }),
      'items[1].expected',
    ],
    [
      'nonsensical check with a midpoint',
      variant(
        {},
        {
          kind: 'attention-check',
          id: 'k',
          style: 'nonsensical',
          text: { en: 'K' },
          options: [option('a'), option('b'), option('c')],
          expected: 'a',
        },
      ),
      'items[1].options',
    ],
    [
      'manipulation check expecting a non-option',
      variant(
        {},
        {
          kind: 'manipulation-check',
          id: 'p',
          purpose: 'manipulation',
          text: { en: 'P' },
          factor: 'phone',
          options: [option('yes')],
          expectedByLevel: { present: 'maybe' },
        },
      ),
      'items[1].expectedByLevel.present',
    ],
    [
      'expectedByLevel without factor',
      variant(
        {},
        {
          kind: 'manipulation-check',
          id: 'p',
          purpose: 'manipulation',
          text: { en: 'P' },
          options: [option('yes')],
          expectedByLevel: { present: 'yes' },
        },
      ),
      'items[1].factor',
    ],
    ['manipulation check with factor and probe', variant({}, check({ factor: 'phone', probe: 'table_object' })), 'items[1]'],
    ['manipulation check with neither factor nor probe', variant({}, check({})), 'items[1]'],
    ['probe not an id', variant({}, check({ probe: 'Table-Object' })), 'items[1].probe'],
    ['expectedBySetting without probe', variant({}, check({ factor: 'phone', expectedBySetting: { phone: 'yes' } })), 'items[1].probe'],
    [
      'expectedBySetting naming a non-option',
      variant({}, check({ probe: 't', expectedBySetting: { phone: 'maybe' } })),
      'items[1].expectedBySetting.phone',
    ],
    ['expectedBySetting not a record', variant({}, check({ probe: 't', expectedBySetting: ['yes'] })), 'items[1].expectedBySetting'],
    ['ios with both label styles', variant({}, ios({ pictureLabels: seven })), 'items[1]'],
    ['ios with no labels', variant({}, ios({ pointLabels: undefined })), 'items[1]'],
    ['ios codebookLabels beside pointLabels', variant({}, ios({ codebookLabels: seven })), 'items[1].codebookLabels'],
    ['ios with six picture names', variant({}, ios({ pointLabels: undefined, pictureLabels: seven.slice(1) })), 'items[1].pictureLabels'],
    [
      'scale of a text item',
      variant({ scales: [scale({ items: ['t'] })] }, { kind: 'text', id: 't', text: { en: 'T' }, maxLength: 5 }),
      'scales[0].items[0]',
    ],
    ['scale mixing bounds', variant({ scales: [scale({ items: ['a', 'b'] })] }, { ...likertA, id: 'b', points: 7 }), 'scales[0].items[1]'],
    ['scale with minAnswered 0', variant({ scales: [scale({ minAnswered: 0 })] }), 'scales[0].minAnswered'],
    ['scale with minAnswered above 1', variant({ scales: [scale({ minAnswered: 1.5 })] }), 'scales[0].minAnswered'],
    ['scale with unknown method', variant({ scales: [scale({ method: 'median' })] }), 'scales[0].method'],
    ['scale listing an item twice', variant({ scales: [scale({ items: ['a', 'a'] })] }), 'scales[0].items[1]'],
    ['duplicate scale ids', variant({ scales: [scale(), scale()] }), 'scales[1].id'],
    [
      'column collision item/scale',
      variant({ scales: [scale()] }, { kind: 'text', id: 's_score', text: { en: 'T' }, maxLength: 5 }),
      'columns',
    ],
    [
      'column collision item/option',
      variant(
        {},
        { kind: 'multi-choice', id: 'm', text: { en: 'M' }, options: [option('x')] },
        { kind: 'text', id: 'm__x', text: { en: 'T' }, maxLength: 5 },
      ),
      'columns',
    ],
  ];
  it.each(cases)('rejects %s', (_what, definition, path) => {
    expect(problemsOf(definition).map((p) => p.path)).toContain(path);
  });

  it.each([null, 42, 'instrument', [], { id: 'x' }])('reports %p without throwing a TypeError', (input) => {
    expect(problemsOf(input).length).toBeGreaterThan(0);
    expect(() => parseInstrument(input)).toThrow(InstrumentDefinitionError);
  });

  it('accepts the sampler, which holds every item kind', () => {
    expect(checkInstrument(sampler)).toEqual([]);
  });
});
