import { readSavedWorkspace, SAVED_WORKSPACE_KEY, SAVED_WORKSPACE_VERSION, validateSaved, writeSavedWorkspace } from './saved';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('saved workspace', () => {
  it('round-trips the view and the viewport', () => {
    const storage = memoryStorage();
    expect(writeSavedWorkspace(storage, 'e=almaty&s=almaty', { zoom: 1.5, pan: { x: 10, y: -4 } }, new Date('2026-01-05T10:00:00Z'))).toBe(
      true,
    );
    expect(readSavedWorkspace(storage)).toEqual({
      status: 'ok',
      saved: {
        version: SAVED_WORKSPACE_VERSION,
        savedAt: '2026-01-05T10:00:00.000Z',
        query: 'e=almaty&s=almaty',
        viewport: { zoom: 1.5, pan: { x: 10, y: -4 } },
      },
    });
  });

  it('is "none" without a saved state or without usable storage', () => {
    expect(readSavedWorkspace(memoryStorage())).toEqual({ status: 'none' });
    expect(readSavedWorkspace(null)).toEqual({ status: 'none' });
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    expect(readSavedWorkspace(throwing)).toEqual({ status: 'none' });
    expect(writeSavedWorkspace(throwing, 'e=x', null)).toBe(false);
  });

  it.each([
    ['not JSON', '{nope', 'it is not valid JSON'],
    ['a list', '[1,2]', 'it is not a saved workspace'],
    [
      'another version',
      JSON.stringify({ version: 99, savedAt: '2026-01-01T00:00:00Z', query: '', viewport: null }),
      'it was saved by another version (99)',
    ],
    ['a bad date', JSON.stringify({ version: 1, savedAt: 'yesterday', query: '', viewport: null }), 'its save time is not a date'],
    ['no view', JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00Z', viewport: null }), 'its view is missing'],
    [
      'a bad viewport',
      JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00Z', query: '', viewport: { zoom: 'big', pan: { x: 0, y: 0 } } }),
      'its viewport is not a zoom and a pan',
    ],
    [
      'a negative zoom',
      JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00Z', query: '', viewport: { zoom: -1, pan: { x: 0, y: 0 } } }),
      'its viewport is not a zoom and a pan',
    ],
  ])('discards %s, says why and removes it', (_what, raw, reason) => {
    const storage = memoryStorage({ [SAVED_WORKSPACE_KEY]: raw });
    expect(readSavedWorkspace(storage)).toEqual({ status: 'discarded', reason });
    expect(storage.data.has(SAVED_WORKSPACE_KEY)).toBe(false);
  });

  it('validates the envelope only; the view itself is checked by decodeUrlState', () => {
    expect(validateSaved({ version: 1, savedAt: '2026-01-01T00:00:00Z', query: '?e=<script>', viewport: null })).toMatchObject({
      ok: true,
      saved: { query: 'e=<script>' },
    });
  });
});
