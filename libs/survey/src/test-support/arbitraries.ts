import fc from 'fast-check';
import { defineInstrument } from '../define-instrument';
import { itemBounds } from '../item-rules';
import type { Instrument, Item, LikertItem } from '../types';

/** A value the item accepts (for instructions: null, the only acceptable "answer"). */
export function validValue(item: Item): fc.Arbitrary<unknown> {
  switch (item.kind) {
    case 'likert':
    case 'ios': {
      const { min, max } = itemBounds(item);
      return fc.integer({ min, max });
    }
    case 'slider':
      return fc.double({ min: 0, max: 100, noNaN: true });
    case 'numeric':
      return item.integer ? fc.integer({ min: item.min, max: item.max }) : fc.double({ min: item.min, max: item.max, noNaN: true });
    case 'single-choice':
    case 'attention-check':
    case 'manipulation-check':
      return fc.constantFrom(...item.options.map((option) => option.value));
    case 'multi-choice':
      return fc.subarray(
        item.options.map((option) => option.value),
        {
          minLength: item.minSelected ?? 0,
          maxLength: item.maxSelected ?? item.options.length,
        },
      );
    case 'text':
      return fc.string({ maxLength: item.maxLength });
    case 'instruction':
      return fc.constant(null);
  }
}

/** Mostly valid values, some nulls, and anything at all (objects, NaN, sparse arrays, …). */
export function anyValue(item: Item): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: validValue(item), weight: 4 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.anything({ withNullPrototype: true, withSparseArray: true }), weight: 1 },
  );
}

/** Answers keyed by the instrument's item ids; any key may be missing. */
export function answersFor(instrument: Instrument): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const item of instrument.items) model[item.id] = anyValue(item);
  return fc.record(model, { requiredKeys: [] });
}

/** Random likert scales: any width and offset, any reverse flags, mean or (prorated) sum. */
export const likertScaleInstrument: fc.Arbitrary<Instrument> = fc
  .record({
    points: fc.integer({ min: 2, max: 11 }),
    min: fc.integer({ min: -5, max: 5 }),
    reverse: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
    method: fc.constantFrom('mean' as const, 'sum' as const),
    minAnswered: fc.double({ min: 0.01, max: 1, noNaN: true }),
  })
  .map(({ points, min, reverse, method, minAnswered }) => {
    const endLabels = { min: { en: 'low' }, max: { en: 'high' } };
    const items: LikertItem[] = reverse.map((flag, index) => ({
      kind: 'likert',
      id: `q${index}`,
      text: { en: `Q${index}` },
      points,
      min,
      endLabels,
      reverse: flag,
    }));
    return defineInstrument({
      id: 'random',
      version: 1,
      title: { en: 'Random' },
      citation: 'Generated.',
      licence: 'Generated.',
      languages: ['en'],
      items,
      scales: [{ id: 'total', label: { en: 'Total' }, items: items.map((i) => i.id), method, minAnswered }],
    });
  });

/** A small seeded PRNG (mulberry32), so that a failing reordering can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deep copy whose object keys are inserted in a shuffled order at every depth. */
export function reorderKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((element: unknown) => reorderKeys(element, random));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  for (let index = keys.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [keys[index], keys[other]] = [keys[other] as string, keys[index] as string];
  }
  const copy: Record<string, unknown> = {};
  for (const key of keys) copy[key] = reorderKeys((value as Record<string, unknown>)[key], random);
  return copy;
}

/** Paths (lists of keys) to every translated string: the instrument's wording. */
export function wordingPaths(value: unknown, languages: readonly string[], path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.flatMap((element: unknown, index) => wordingPaths(element, languages, [...path, index]));
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, member]) =>
    typeof member === 'string' && languages.includes(key) ? [[...path, key]] : wordingPaths(member, languages, [...path, key]),
  );
}

/** A deep copy with the string at `path` replaced. */
export function withStringAt(value: unknown, path: readonly (string | number)[], text: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return text;
  if (Array.isArray(value)) {
    return value.map((element: unknown, index) => (index === head ? withStringAt(element, rest, text) : element));
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head]: withStringAt(record[head], rest, text) };
}
