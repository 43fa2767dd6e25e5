'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Picture } from '../workspace/picture';
import type { WorkspaceActions } from '../components/useWorkspace';
import { decodeUrlState, encodeUrlState, type UrlState } from '../workspace/url';
import type { WorkspaceState } from '../workspace/reducer';
import type { CanvasView } from '../workspace/view';

/**
 * The address bar holds the view: it is restored on load and on back/forward, and every change is written back
 * (a new history entry when the view changes, a replaced one otherwise). Returns the current query string and
 * a function that restores the view from the address bar again (the "Try again" of a failed restore).
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

  const restoreFromLocation = useCallback(() => {
    const url: UrlState = decodeUrlState(window.location.search);
    fromUrl.current.add(url.view);
    urlReady.current = false;
    setRestoredPicture(url.picture ?? null);
    void restore(url).finally(() => {
      urlReady.current = true;
    });
  }, [restore]);

  useEffect(() => {
    // On the next microtask, like the popstate handler: the address bar is an outside system this subscribes to.
    void Promise.resolve().then(restoreFromLocation);
    window.addEventListener('popstate', restoreFromLocation);
    return () => window.removeEventListener('popstate', restoreFromLocation);
  }, [restoreFromLocation]);

  useEffect(() => {
    if (!urlReady.current) {
      // Still restoring: remember the view, so the first change after it is a new history entry.
      lastView.current = view;
      return;
    }
    const qs = encodeUrlState({ view, selection: [...selection], path: pathEnds, picture });
    const target = qs ? `?${qs}` : window.location.pathname;
    const same = (qs ? `?${qs}` : '') === window.location.search;
    const viewChanged = lastView.current !== null && lastView.current !== view && !fromUrl.current.has(view);
    lastView.current = view;
    if (same) return;
    if (viewChanged) window.history.pushState(null, '', target);
    else window.history.replaceState(null, '', target);
  }, [view, selection, pathEnds, picture]);

  const currentQuery = useMemo(() => encodeUrlState({ view, selection: [...selection], path: pathEnds, picture }), [view, selection, pathEnds, picture]);
  return { currentQuery, restoreFromLocation, restoredPicture, onPicture: setPicture };
}
