// What this browser keeps for the reader (the reading list, what they follow): one JSON value a
// key in localStorage, kept in step across open tabs, and a storage that is full or refused said
// in words a reader can act on, never swallowed. Nothing leaves the browser.

/** Why storing failed, in words a reader can act on. */
export class StorageError extends Error {}

/** Who changed a value: a change made to one field from a page need not redraw it under the reader's cursor. */
export type Origin = 'note' | 'other';

export interface LocalStore {
  /** The value as stored, or null when there is none (or it is not JSON, or storage is refused). */
  read(): unknown;
  /** Keep a value and tell every listener; throws a StorageError when the browser will not keep it. */
  write(value: unknown, origin?: Origin): void;
  /** Call `listener` on every change, here or in another tab; returns how to stop. */
  onChange(listener: (origin: Origin) => void): () => void;
}

/** Say a storage problem where a screen reader hears it, once, at the top of the page. */
export function sayProblem(message: string): void {
  let status = document.getElementById('saved-problem');
  if (!status) {
    status = Object.assign(document.createElement('p'), { id: 'saved-problem', className: 'callout' });
    status.setAttribute('role', 'alert');
    document.querySelector('main')?.prepend(status);
  }
  status.textContent = message;
}

/** Run a write; when the browser will not keep it, say why (at the top of the page, or with `say`) and answer false. */
export function kept(write: () => void, say: (message: string) => void = sayProblem): boolean {
  try {
    write();
    return true;
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    say(error.message);
    return false;
  }
}

export function localStore(key: string, what: string): LocalStore {
  const listeners = new Set<(origin: Origin) => void>();
  addEventListener('storage', (event) => {
    if (event.key !== key) return;
    for (const listener of listeners) listener('other');
  });
  return {
    read() {
      try {
        return JSON.parse(localStorage.getItem(key) ?? 'null') as unknown;
      } catch {
        return null;
      }
    },
    write(value, origin = 'other') {
      try {
        localStorage.setItem(key, JSON.stringify(value));
      } catch (error) {
        throw new StorageError(
          (error as DOMException).name === 'QuotaExceededError'
            ? `This browser’s storage for this site is full: ${what} could not be saved. Export it, then remove some papers.`
            : `This browser does not let this site keep ${what} (private browsing, or storage turned off).`,
        );
      }
      for (const listener of listeners) listener(origin);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
