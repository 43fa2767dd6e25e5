'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Picture } from '../workspace/picture';
import type { WorkspaceActions } from '../components/useWorkspace';
import { decodeUrlState, encodeUrlState, type UrlState } from '../workspace/url';
import type { WorkspaceState } from '../workspace/reducer';
import { browserStorage, readSavedWorkspace, writeSavedWorkspace } from '../workspace/saved';
import { onlyFiltersChanged, type CanvasView } from '../workspace/view';

/** Saving waits for a pause in changes (a drag or a zoom reports many). */
const SAVE_DELAY_MS = 300;

/** What the explorer says about the workspace kept in this browser when it opens (restored, or discarded and why). */
export interface SavedNotice {
  message: string;
  error: boolean;
}

/**
 * The address bar holds the view: it is restored on load and on back/forward, and every change is written back
 * (a new history entry when the view changes, a replaced one when only the selection, the picture or the filters
 * changed: Back steps through pictures, not filter tweaks). The same query string, which carries the positions,
 * the zoom and the pan, is kept in this browser (workspace/saved.ts) on every change, and brought back when the
 * explorer opens without a view in the address bar: a reload, a closed tab or a crash loses nothing.
 * Returns the current query string, a function that restores the view from the address bar again (the "Try again"
 * of a failed restore), the picture to put back, and the notice about the kept workspace.
 */
export function useUrlSync(state: WorkspaceState, view: CanvasView, restore: WorkspaceActions['restore']) {
  const { selection } = state;
  const pathFrom = state.path.status === 'done' ? state.path.from?.id : undefined;
  const pathTo = state.path.status === 'done' ? state.path.to?.id : undefined;
  const pathEnds = useMemo(() => (pathFrom && pathTo ? { from: pathFrom, to: pathTo } : null), [pathFrom, pathTo]);
  const urlReady = useRef(false);
  const fromUrl = useRef(new WeakSet<CanvasView>());
  const lastView = useRef<CanvasView | null>(null);
  /** The canvas's picture as it last settled (positions, zoom, pan): it rides along in the address bar. */
  const [picture, setPicture] = useState<Picture | null>(null);
  /** The picture the address bar brought (a link, a reload, back/forward), for the canvas to put back. */
  const [restoredPicture, setRestoredPicture] = useState<Picture | null>(null);
  const [savedNotice, setSavedNotice] = useState<SavedNotice | null>(null);

  const restoreFromLocation = useCallback(() => {
    const url: UrlState = decodeUrlState(window.location.search);
    fromUrl.current.add(url.view);
    urlReady.current = false;
    setRestoredPicture(url.picture ?? null);
    void restore(url).finally(() => {
      urlReady.current = true;
    });
  }, [restore]);

  /** The first restore: the address bar's view, or, when it holds none (no entity), the workspace this browser kept. */
  const openWorkspace = useCallback(() => {
    if (decodeUrlState(window.location.search).view.nodes.length === 0) {
      const kept = readSavedWorkspace(browserStorage());
      if (kept.status === 'ok' && kept.saved.query) {
        window.history.replaceState(null, '', `?${kept.saved.query}`);
        setSavedNotice({ message: 'Your last workspace was restored.', error: false });
      } else if (kept.status === 'discarded') {
        setSavedNotice({
          message: `The workspace saved in this browser could not be restored (${kept.reason}), so it was discarded.`,
          error: true,
        });
      }
    }
    restoreFromLocation();
  }, [restoreFromLocation]);

  useEffect(() => {
    // On the next microtask, like the popstate handler: the address bar is an outside system this subscribes to.
    void Promise.resolve().then(openWorkspace);
    window.addEventListener('popstate', restoreFromLocation);
    return () => window.removeEventListener('popstate', restoreFromLocation);
  }, [openWorkspace, restoreFromLocation]);

  useEffect(() => {
    if (!urlReady.current) {
      // Still restoring: remember the view, so the first change after it is a new history entry.
      lastView.current = view;
      return;
    }
    const qs = encodeUrlState({ view, selection: [...selection], path: pathEnds, picture });
    const target = qs ? `?${qs}` : window.location.pathname;
    const same = (qs ? `?${qs}` : '') === window.location.search;
    const previous = lastView.current;
    const viewChanged = previous !== null && previous !== view && !fromUrl.current.has(view) && !onlyFiltersChanged(previous, view);
    lastView.current = view;
    if (same) return;
    if (viewChanged) window.history.pushState(null, '', target);
    else window.history.replaceState(null, '', target);
  }, [view, selection, pathEnds, picture]);

  const currentQuery = useMemo(
    () => encodeUrlState({ view, selection: [...selection], path: pathEnds, picture }),
    [view, selection, pathEnds, picture],
  );

  // — the workspace kept in this browser: every change once the first restore is done, after a pause; at once when the page goes —
  const toSave = useRef<{ query: string; picture: Picture | null } | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveNow = useCallback(() => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    const pending = toSave.current;
    if (pending === null) return;
    toSave.current = null;
    writeSavedWorkspace(
      browserStorage(),
      pending.query,
      pending.picture ? { zoom: pending.picture.zoom, pan: { ...pending.picture.pan } } : null,
    );
  }, []);
  useEffect(() => {
    if (!urlReady.current) return;
    toSave.current = { query: currentQuery, picture };
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(saveNow, SAVE_DELAY_MS);
  }, [currentQuery, picture, saveNow]);
  useEffect(() => {
    window.addEventListener('pagehide', saveNow);
    return () => window.removeEventListener('pagehide', saveNow);
  }, [saveNow]);

  return {
    currentQuery,
    restoreFromLocation,
    restoredPicture,
    onPicture: setPicture,
    savedNotice,
    dismissSavedNotice: () => setSavedNotice(null),
  };
}
