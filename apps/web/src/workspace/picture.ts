/**
 * The picture the analyst made: where each entity sits and how the canvas is zoomed and panned. It travels in
 * the address bar (so a permalink or a reload puts every entity back where it was) packed compactly: positions
 * rounded to whole model units, in the order of the view's entity list, as zigzag varints in base64url.
 * Pure: the canvas reports its picture and applies a restored one (GraphCanvas).
 */
export interface Point {
  x: number;
  y: number;
}

export interface Picture {
  /** Model positions by entity id. */
  positions: Readonly<Record<string, Point>>;
  zoom: number;
  pan: Point;
}

/** Positions beyond this are not a canvas anyone arranged: the link's picture is ignored. */
export const MAX_COORDINATE = 1_000_000;

function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}

function pushVarint(out: number[], value: number): void {
  let v = zigzag(value);
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

function toBase64Url(bytes: readonly number[]): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): number[] | null {
  if (!/^[\w-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return [...binary].map((c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The positions of `order`'s entities, packed; null when one of them has no position. */
export function packPositions(order: readonly string[], positions: Readonly<Record<string, Point>>): string | null {
  const bytes: number[] = [];
  for (const id of order) {
    const p = positions[id];
    if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return null;
    pushVarint(bytes, clamp(Math.round(p.x)));
    pushVarint(bytes, clamp(Math.round(p.y)));
  }
  return toBase64Url(bytes);
}

function clamp(n: number): number {
  return Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, n));
}

/** Unpacks positions for `order`; null when the text does not hold exactly one point per entity. */
export function unpackPositions(order: readonly string[], text: string): Record<string, Point> | null {
  const bytes = fromBase64Url(text);
  if (!bytes) return null;
  const values: number[] = [];
  let value = 0;
  let scale = 1;
  for (const b of bytes) {
    value += (b & 0x7f) * scale;
    if (b & 0x80) {
      scale *= 0x80;
      if (scale > 2 ** 35) return null;
    } else {
      values.push(unzigzag(value));
      value = 0;
      scale = 1;
    }
  }
  if (scale !== 1 || values.length !== order.length * 2) return null;
  if (values.some((v) => Math.abs(v) > MAX_COORDINATE)) return null;
  const out: Record<string, Point> = {};
  order.forEach((id, i) => {
    out[id] = { x: values[2 * i]!, y: values[2 * i + 1]! };
  });
  return out;
}

/** Zoom and pan as `zoom,x,y` (zoom to 3 decimals, pan in whole pixels). */
export function encodeViewport(p: Pick<Picture, 'zoom' | 'pan'>): string {
  return `${Number(p.zoom.toFixed(3))},${Math.round(p.pan.x)},${Math.round(p.pan.y)}`;
}

export function decodeViewport(text: string | null): Pick<Picture, 'zoom' | 'pan'> | null {
  if (!text) return null;
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, x, y] = parts as [number, number, number];
  if (zoom <= 0 || zoom > 100 || Math.abs(x) > MAX_COORDINATE || Math.abs(y) > MAX_COORDINATE) return null;
  return { zoom, pan: { x, y } };
}
