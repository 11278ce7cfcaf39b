import { designDiff } from '@/lib/builder/diff';
import { phoneSeating } from './builder-fixture';

describe('design diff', () => {
  it('is empty for the same design, whatever the key order', () => {
    const design = phoneSeating();
    const reordered = Object.fromEntries(Object.entries(design).reverse());
    expect(designDiff(design, reordered)).toEqual([]);
  });

  it('names each changed text with its path, before and after', () => {
    const before = phoneSeating();
    const after = { ...before, conversation: { ...before.conversation, instructions: { en: 'Talk about your summer.' } } };
    expect(designDiff(before, after)).toEqual([
      {
        path: 'design.conversation.instructions.en',
        kind: 'changed',
        before: 'Talk about the most meaningful events of the past year.',
        after: 'Talk about your summer.',
      },
    ]);
  });

  it('shows added and removed texts and instruments as one entry each', () => {
    const before = phoneSeating();
    const after = {
      ...before,
      consent: { ...before.consent, text: { ...before.consent.text, de: 'Sie sind eingeladen' } },
      instruments: { ...before.instruments, post: [...before.instruments.post, { id: 'attention', version: 1 }] },
      completion: { kind: 'code' as const },
    };
    expect(designDiff(before, after)).toEqual([
      { path: 'design.completion.code', kind: 'removed', before: 'ATTUNE-PS', after: null },
      { path: 'design.consent.text.de', kind: 'added', before: null, after: 'Sie sind eingeladen' },
      { path: 'design.instruments.post[2]', kind: 'added', before: null, after: 'attention v1' },
    ]);
  });

  it('a swapped instrument version reads as one change', () => {
    const before = phoneSeating();
    const after = {
      ...before,
      instruments: { ...before.instruments, post: [{ id: 'ios', version: 1 }, ...before.instruments.post.slice(1)] },
    };
    expect(designDiff(before, after)).toEqual([{ path: 'design.instruments.post[0]', kind: 'changed', before: 'ios v2', after: 'ios v1' }]);
  });

  it('numbers and new optional parts', () => {
    const before = phoneSeating();
    const after = { ...before, conversation: { ...before.conversation, durationSeconds: 420 }, withdrawal: { daysAfterClose: 14 } };
    expect(designDiff(before, after)).toEqual([
      { path: 'design.conversation.durationSeconds', kind: 'changed', before: '600', after: '420' },
      { path: 'design.withdrawal.daysAfterClose', kind: 'added', before: null, after: '14' },
    ]);
  });

  it('an instrument inserted early is one added entry, not every later position changed', () => {
    const before = phoneSeating();
    const post = before.instruments.post;
    const after = { ...before, instruments: { ...before.instruments, post: [{ id: 'attention', version: 1 }, ...post] } };
    expect(designDiff(before, after)).toEqual([{ path: 'design.instruments.post[0]', kind: 'added', before: null, after: 'attention v1' }]);
  });

  it('a removed instrument is named at its old position, and a version change at its new one', () => {
    const before = phoneSeating();
    const [first, second, ...others] = before.instruments.post;
    if (!first || !second) throw new Error('the fixture needs two post instruments');
    const after = { ...before, instruments: { ...before.instruments, post: [{ ...second, version: second.version + 1 }, ...others] } };
    expect(designDiff(before, after)).toEqual([
      { path: 'design.instruments.post[0]', kind: 'removed', before: `${first.id} v${first.version}`, after: null },
      {
        path: 'design.instruments.post[0]',
        kind: 'changed',
        before: `${second.id} v${second.version}`,
        after: `${second.id} v${second.version + 1}`,
      },
    ]);
  });

  it('a new order of the same instruments is one entry for the list', () => {
    const before = phoneSeating();
    const post = before.instruments.post;
    const after = { ...before, instruments: { ...before.instruments, post: [...post].reverse() } };
    expect(designDiff(before, after)).toEqual([
      {
        path: 'design.instruments.post',
        kind: 'changed',
        before: post.map((ref) => ref.id).join(', '),
        after: [...post]
          .reverse()
          .map((ref) => ref.id)
          .join(', '),
      },
    ]);
  });

  it('lists without distinct ids are still compared by position', () => {
    expect(designDiff({ tags: ['a', 'b'] }, { tags: ['x', 'a', 'b'] })).toEqual([
      { path: 'design.tags[0]', kind: 'changed', before: 'a', after: 'x' },
      { path: 'design.tags[1]', kind: 'changed', before: 'b', after: 'a' },
      { path: 'design.tags[2]', kind: 'added', before: null, after: 'b' },
    ]);
  });
});
