'use client';

import { useCallback, useSyncExternalStore } from 'react';

/**
 * Which side panels are open (the claims/filters/paths column, the details column, the legend), remembered in
 * localStorage so a reload keeps the analyst's arrangement. Until the analyst chooses, a wide window (≥ 1400 px)
 * opens everything; a smaller one gives the canvas the room and keeps the left column and the legend closed.
 */
export interface PanelState {
  sidebar: boolean;
  details: boolean;
  legend: boolean;
}

export const PANELS_KEY = 'steppe.panels';
export const WIDE_WINDOW = 1400;

const listeners = new Set<() => void>();
let memory: string | null = null;

function defaults(): PanelState {
  const wide = typeof window !== 'undefined' && window.innerWidth >= WIDE_WINDOW;
  return { sidebar: wide, details: true, legend: wide };
}

function read(): string {
  try {
    return window.localStorage.getItem(PANELS_KEY) ?? memory ?? JSON.stringify(defaults());
  } catch {
    return memory ?? JSON.stringify(defaults());
  }
}

/** Parses what was stored, keeping the defaults for anything missing or malformed. */
export function parsePanels(text: string | null, fallback: PanelState): PanelState {
  try {
    const value = JSON.parse(text ?? 'null') as Partial<Record<keyof PanelState, unknown>> | null;
    if (!value || typeof value !== 'object') return fallback;
    const pick = (k: keyof PanelState) => (typeof value[k] === 'boolean' ? (value[k] as boolean) : fallback[k]);
    return { sidebar: pick('sidebar'), details: pick('details'), legend: pick('legend') };
  } catch {
    return fallback;
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === PANELS_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

const SERVER = JSON.stringify({ sidebar: false, details: true, legend: false } satisfies PanelState);

export function usePanels(): [PanelState, (panel: keyof PanelState, open?: boolean) => void] {
  const text = useSyncExternalStore(subscribe, read, () => SERVER);
  const panels = parsePanels(text, defaults());
  const toggle = useCallback((panel: keyof PanelState, open?: boolean) => {
    const current = parsePanels(read(), defaults());
    const next = JSON.stringify({ ...current, [panel]: open ?? !current[panel] });
    memory = next;
    try {
      window.localStorage.setItem(PANELS_KEY, next);
    } catch {
      // Private windows may refuse storage: the choice then lasts for this page only.
    }
    for (const l of listeners) l();
  }, []);
  return [panels, toggle];
}
