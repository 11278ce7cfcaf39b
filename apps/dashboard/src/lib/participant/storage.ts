/**
 * localStorage that never throws: Safari's private mode and full quotas throw on write, and a
 * participant must still be able to carry on (answers then live on the server only).
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export const localStore: KeyValueStore = {
  get(key) {
    try {
      return browserStorage()?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      browserStorage()?.setItem(key, value);
    } catch {
      // Quota or private mode: the server copy still holds every answer that was acknowledged.
    }
  },
  remove(key) {
    try {
      browserStorage()?.removeItem(key);
    } catch {
      // see set()
    }
  },
};

export function readJson<T>(store: KeyValueStore, key: string, isValid: (value: unknown) => value is T): T | null {
  const raw = store.get(key);
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  store.set(key, JSON.stringify(value));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
