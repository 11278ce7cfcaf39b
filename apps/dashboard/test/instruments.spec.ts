import { loadInstruments } from '@/lib/participant/instruments';
import { MemoryStore } from './memory-store';

const FROZEN = 'a'.repeat(64);
const served = (hash: string) => ({ id: 'ios', version: 2, items: [], languages: ['en'], scales: [], hash });

describe('a phone uses an instrument only in the version of its text frozen in the protocol', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  function serve(body: unknown): void {
    global.fetch = jest.fn(async () => new Response(JSON.stringify(body), { status: 200 })) as typeof fetch;
  }

  it('takes a served copy whose hash is the frozen one, and keeps it on the phone', async () => {
    serve(served(FROZEN));
    const store = new MemoryStore();
    expect(await loadInstruments([{ id: 'ios', version: 2, hash: FROZEN }], store)).toEqual([served(FROZEN)]);
    global.fetch = jest.fn(async () => {
      throw new Error('offline');
    }) as typeof fetch;
    expect(await loadInstruments([{ id: 'ios', version: 2, hash: FROZEN }], store)).toEqual([served(FROZEN)]);
  });

  it('refuses a served or cached copy with another hash', async () => {
    serve(served('b'.repeat(64)));
    const store = new MemoryStore();
    expect(await loadInstruments([{ id: 'ios', version: 2, hash: FROZEN }], store)).toBeNull();
    serve(served(FROZEN));
    await loadInstruments([{ id: 'ios', version: 2, hash: FROZEN }], store);
    serve(served(FROZEN));
    expect(await loadInstruments([{ id: 'ios', version: 2, hash: 'c'.repeat(64) }], store)).toBeNull();
  });
});
