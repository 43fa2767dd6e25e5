/**
 * Inline SVG icons for the toolbar and the canvas controls (no icon font or CDN: the explorer runs offline).
 * 16×16 strokes in currentColor, so they follow the button's colour and the forced-colours mode.
 */
const PATHS = {
  undo: 'M6 4 2 8l4 4M2 8h8a4 4 0 0 1 0 8H8',
  redo: 'M10 4l4 4-4 4M14 8H6a4 4 0 0 0 0 8h2',
  expand: 'M8 8m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M8 2v3M8 11v3M2 8h3M11 8h3',
  neighbours:
    'M8 8m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M3 3m-1.5 0a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0M13 13m-1.5 0a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0M4 4l2.5 2.5M9.5 9.5 12 12',
  pin: 'M6 2h4M7 2v5L4 10h8L9 7V2M8 10v4',
  keepOnly: 'M2 2h5v5H2zM10 9h4v4h-4z M11 3l3 3M14 3l-3 3',
  hide: 'M2 8s2.5-4 6-4 6 4 6 4-2.5 4-6 4-6-4-6-4zM3 13 13 3',
  show: 'M2 8s2.5-4 6-4 6 4 6 4-2.5 4-6 4-6-4-6-4zM8 8m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0',
  remove: 'M3 4h10M6 4V2h4v2M4 4l1 10h6l1-10',
  fit: 'M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4',
  relayout: 'M13 3v4H9M3 13V9h4M12.5 7A5 5 0 0 0 3.5 5.5M3.5 9a5 5 0 0 0 9 1.5',
  table: 'M2 3h12v10H2zM2 6.5h12M2 10h12M6 3v10',
  link: 'M7 9a3 3 0 0 0 4 0l2-2a3 3 0 0 0-4-4l-1 1M9 7a3 3 0 0 0-4 0L3 9a3 3 0 0 0 4 4l1-1',
  export: 'M8 10V2M5 5l3-3 3 3M3 9v5h10V9',
  import: 'M8 2v8M5 7l3 3 3-3M3 9v5h10V9',
  zoomIn: 'M7 7m-5 0a5 5 0 1 0 10 0a5 5 0 1 0-10 0M11 11l3.5 3.5M5 7h4M7 5v4',
  zoomOut: 'M7 7m-5 0a5 5 0 1 0 10 0a5 5 0 1 0-10 0M11 11l3.5 3.5M5 7h4',
  panel: 'M2 3h12v10H2zM6 3v10',
  details: 'M2 3h12v10H2zM10 3v10M11.5 6h1M11.5 8.5h1',
  graph:
    'M4 4m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M12 6m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M6 12m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M5.5 5.5l.5 4.5M6 4.5l4 1',
  close: 'M3 3l10 10M13 3 3 13',
  document: 'M4 2h5l3 3v9H4zM9 2v3h3M6 8h4M6 10.5h4',
  keyboard: 'M1.5 4h13v8h-13zM4 7h1M7 7h1M10 7h1M5 10h6',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
