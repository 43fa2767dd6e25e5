/**
 * The workspace kept in the browser (localStorage), so that a reload, a
 * closed tab or a crash never loses the picture. What is kept is the view in
 * its address-bar form (the same encoding a permalink uses, so whatever a
 * link carries is kept too: entities, expansions, hidden, pins, layout,
 * filters, selection, paths and, where the link holds them, positions) plus
 * the viewport. The address-bar form is decoded and validated by
 * decodeUrlState on the way back in; this module checks the envelope.
 *
 * The envelope is versioned: a saved state from another version, or one
 * that is not what this module wrote, is discarded with a notice (never a
 * crash, never a half-restored canvas).
 */
export const SAVED_WORKSPACE_KEY = 'steppe.workspace';
export const SAVED_WORKSPACE_VERSION = 1;
/** Far above any real view (500 ids of ≤ 200 characters in a few lists): larger is not ours. */
export const MAX_SAVED_BYTES = 1_000_000;

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

export interface SavedWorkspace {
  version: typeof SAVED_WORKSPACE_VERSION;
  /** ISO timestamp of the save. */
  savedAt: string;
  /** The view as the address bar holds it (without the leading "?"). */
  query: string;
  viewport: Viewport | null;
}

export type ReadSaved = { status: 'none' } | { status: 'ok'; saved: SavedWorkspace } | { status: 'discarded'; reason: string };

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function validViewport(v: unknown): Viewport | null | undefined {
  if (v === null) return null;
  if (typeof v !== 'object' || v === undefined) return undefined;
  const o = v as { zoom?: unknown; pan?: { x?: unknown; y?: unknown } | null };
  if (!finite(o.zoom) || o.zoom <= 0 || !o.pan || typeof o.pan !== 'object' || !finite(o.pan.x) || !finite(o.pan.y)) return undefined;
  return { zoom: o.zoom, pan: { x: o.pan.x, y: o.pan.y } };
}

/** Checks a parsed value against the envelope; the reason says what is wrong. */
export function validateSaved(value: unknown): { ok: true; saved: SavedWorkspace } | { ok: false; reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'it is not a saved workspace' };
  const o = value as Record<string, unknown>;
  if (o.version !== SAVED_WORKSPACE_VERSION)
    return { ok: false, reason: `it was saved by another version (${JSON.stringify(o.version ?? null)})` };
  if (typeof o.savedAt !== 'string' || Number.isNaN(Date.parse(o.savedAt))) return { ok: false, reason: 'its save time is not a date' };
  if (typeof o.query !== 'string') return { ok: false, reason: 'its view is missing' };
  const viewport = validViewport(o.viewport);
  if (viewport === undefined) return { ok: false, reason: 'its viewport is not a zoom and a pan' };
  return { ok: true, saved: { version: SAVED_WORKSPACE_VERSION, savedAt: o.savedAt, query: o.query.replace(/^\?/, ''), viewport } };
}

/**
 * Reads the saved workspace. Anything unreadable is removed from storage and
 * reported as discarded; a storage that throws (private mode, blocked) is "none".
 */
export function readSavedWorkspace(storage: StorageLike | null): ReadSaved {
  let raw: string | null;
  try {
    raw = storage?.getItem(SAVED_WORKSPACE_KEY) ?? null;
  } catch {
    return { status: 'none' };
  }
  if (raw === null) return { status: 'none' };
  const discard = (reason: string): ReadSaved => {
    try {
      storage?.removeItem(SAVED_WORKSPACE_KEY);
    } catch {
      // Nothing more to do: it will be overwritten by the next save.
    }
    return { status: 'discarded', reason };
  };
  if (raw.length > MAX_SAVED_BYTES) return discard('it is too large');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return discard('it is not valid JSON');
  }
  const checked = validateSaved(parsed);
  return checked.ok ? { status: 'ok', saved: checked.saved } : discard(checked.reason);
}

/** Saves the workspace; false when the browser refuses (quota, private mode). */
export function writeSavedWorkspace(storage: StorageLike | null, query: string, viewport: Viewport | null, now = new Date()): boolean {
  const saved: SavedWorkspace = { version: SAVED_WORKSPACE_VERSION, savedAt: now.toISOString(), query, viewport };
  try {
    storage?.setItem(SAVED_WORKSPACE_KEY, JSON.stringify(saved));
    return storage !== null;
  } catch {
    return false;
  }
}

/** The browser's localStorage, or null where it cannot be used. */
export function browserStorage(): StorageLike | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}
