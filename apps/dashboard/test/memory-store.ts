import type { KeyValueStore } from '@/lib/participant/storage';

/** localStorage as a Map, with a record of every write (to prove a step wrote nothing). */
export class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, string>();
  writes = 0;

  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.writes += 1;
    this.values.set(key, value);
  }

  remove(key: string): void {
    this.writes += 1;
    this.values.delete(key);
  }
}
