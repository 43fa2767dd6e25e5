import type { EntityKind } from '@steppe/domain';

/**
 * Node icons as small white SVG glyphs (drawn on the kind's colour), so a
 * kind reads from its icon and shape as well as its colour. Plain SVG, not
 * emoji: a headless or locked-down browser may have no emoji font.
 */
export const GLYPHS: Readonly<Record<EntityKind, string>> = {
  // a head and shoulders
  Person: '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z"/>',
  // a building with columns
  Organisation: '<path d="M12 2 2 7v2h20V7z"/><path d="M4 10h3v8H4zm6.5 0h3v8h-3zM17 10h3v8h-3zM2 19h20v3H2z"/>',
  // a map pin
  Place: '<path d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z"/>',
  // a flag
  Event: '<path d="M5 2h2v20H5z"/><path d="M8 3h11l-3 4.5L19 12H8z"/>',
};

export function iconSvg(kind: EntityKind): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" fill="#ffffff">${GLYPHS[kind]}</svg>`;
}

/** A data URI Cytoscape can use as a node's background image. */
export function iconDataUri(kind: EntityKind): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(iconSvg(kind))}`;
}
