import type { Core } from 'cytoscape';

/**
 * TEST HOOK. The live Cytoscape instance is published as `window.__steppeCy`
 * so that browser tests (apps/web-e2e) can read what the canvas holds: node
 * and edge counts, labels, and where an edge is drawn so it can be clicked.
 * It is not an API for application code; nothing in the app reads it.
 */
declare global {
  interface Window {
    __steppeCy?: Core;
  }
}

export function exposeForTests(cy: Core): void {
  if (typeof window !== 'undefined') window.__steppeCy = cy;
}

export function withdrawFromTests(cy: Core): void {
  if (typeof window !== 'undefined' && window.__steppeCy === cy) delete window.__steppeCy;
}
