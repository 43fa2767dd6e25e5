import type { Bounds } from './placement';

/**
 * A picture whose names can be read (issue 12, point 3: at the default fit of a view of up to 50 entities every
 * label is drawn at 11 px or more, and no two labels overlap). Two pure steps, run after a layout:
 *
 * - `separateBoxes` nudges entities apart until no two boxes (the node with its label) overlap. A force-directed
 *   layout keeps nodes apart but not their labels: long names under neighbouring nodes collided. Only the
 *   entities the layout moved are nudged: pinned ones and those the analyst arranged keep their place.
 * - `readableViewport` is the fit, with a floor on the zoom: the whole picture when it can be shown with labels
 *   at the readable size, otherwise the readable zoom, centred on what the analyst asked to see (the expanded
 *   entities), and they pan for the rest. Shrinking fifty names to 8 px to show all of them at once shows
 *   nothing that can be read; the structure is still one "Fit" (or a scroll) away.
 *
 * Both are deterministic (the same boxes give the same result), so a layout stays the same for the same input.
 */

export interface SeparableBox {
  id: string;
  /** The box in model units: the node and its label. */
  box: Bounds;
  /** Boxes that must not move (pinned, arranged by the analyst, or not part of this layout). */
  fixed: boolean;
}

/** Space left between two boxes, in model units. */
export const SEPARATION_GAP = 6;
const MAX_ROUNDS = 200;
/** After this many pushes along the short axis a pair is pushed along the long one. */
const STUCK_PUSHES = 4;

function overlapOf(a: Bounds, b: Bounds, gap: number): { x: number; y: number } {
  return { x: Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap, y: Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap };
}

/**
 * How far each movable box must move so that no two boxes come closer than `gap`. Each overlapping pair is
 * pushed apart along the axis where they overlap least (labels are wide and short, so mostly up and down),
 * half each, or all of it on the movable one when the other is fixed; rounds repeat until nothing overlaps
 * (at most MAX_ROUNDS: a box still overlapping then, wedged among fixed ones, goes to the nearest free spot).
 * Fixed boxes that overlap each other stay so.
 * Returns the moves of the boxes that moved.
 */
export function separateBoxes(items: readonly SeparableBox[], gap = SEPARATION_GAP): Map<string, { dx: number; dy: number }> {
  const boxes = items.map((item) => ({ ...item.box }));
  const moved = items.map(() => ({ dx: 0, dy: 0 }));
  const shift = (i: number, dx: number, dy: number) => {
    const b = boxes[i]!;
    b.x1 += dx;
    b.x2 += dx;
    b.y1 += dy;
    b.y2 += dy;
    moved[i]!.dx += dx;
    moved[i]!.dy += dy;
  };
  const pushes = new Map<number, number>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let any = false;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const fi = items[i]!.fixed;
        const fj = items[j]!.fixed;
        if (fi && fj) continue;
        const a = boxes[i]!;
        const b = boxes[j]!;
        const o = overlapOf(a, b, gap);
        if (o.x <= 0 || o.y <= 0) continue;
        any = true;
        // A pair pushed apart again and again is caught between others pushing back (a box in a slot too narrow
        // for it): from then on it goes the other way, out of the slot.
        const key = i * boxes.length + j;
        const times = (pushes.get(key) ?? 0) + 1;
        pushes.set(key, times);
        const horizontal = times > STUCK_PUSHES ? o.x >= o.y : o.x < o.y;
        const centre = (box: Bounds) => (horizontal ? box.x1 + box.x2 : box.y1 + box.y2);
        // j goes the way it already lies from i (below or right when they coincide, so the result is fixed).
        const sign = centre(b) >= centre(a) ? 1 : -1;
        const amount = (horizontal ? o.x : o.y) + 0.01;
        const shareI = fi ? 0 : fj ? 1 : 0.5;
        const shareJ = 1 - shareI;
        const move = (k: number, share: number, dir: number) =>
          share > 0 && shift(k, horizontal ? dir * share * amount : 0, horizontal ? 0 : dir * share * amount);
        move(i, shareI, -sign);
        move(j, shareJ, sign);
      }
    }
    if (!any) break;
  }
  // Whatever the rounds left (a box wedged among fixed ones) goes to the nearest free spot, searched outwards.
  const clear = (k: number) =>
    boxes.every((other, m) => m === k || overlapOf(boxes[k]!, other, gap).x <= 0 || overlapOf(boxes[k]!, other, gap).y <= 0);
  for (let k = 0; k < boxes.length; k++) {
    if (items[k]!.fixed || clear(k)) continue;
    search: for (let r = 8; r <= 4_000; r += 8) {
      for (let step = 0; step < 16; step++) {
        const angle = (step / 16) * 2 * Math.PI;
        const dx = r * Math.cos(angle);
        const dy = r * Math.sin(angle);
        shift(k, dx, dy);
        if (clear(k)) break search;
        shift(k, -dx, -dy);
      }
    }
  }
  const out = new Map<string, { dx: number; dy: number }>();
  items.forEach((item, i) => {
    const m = moved[i]!;
    if (m.dx !== 0 || m.dy !== 0) out.set(item.id, m);
  });
  return out;
}

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

export interface FitRequest {
  /** What is on the canvas, in model units. */
  bounds: Bounds;
  /** The canvas, in pixels. */
  width: number;
  height: number;
  padding: number;
  /** The zoom at which labels are drawn at the readable size: the fit does not go below it. */
  readableZoom: number;
  maxZoom: number;
  /** Where to look when not everything fits (model units): the expanded entities. */
  focus?: { x: number; y: number } | null;
}

/**
 * The fit with a floor: everything when it fits at `readableZoom` or more; otherwise `readableZoom`, centred on
 * the focus but never showing empty space beyond the picture on a side where the picture is larger than the screen.
 */
export function readableViewport(request: FitRequest): Viewport {
  const { bounds, width, height, padding } = request;
  const bw = Math.max(1, bounds.x2 - bounds.x1);
  const bh = Math.max(1, bounds.y2 - bounds.y1);
  const fitZoom = Math.min((width - 2 * padding) / bw, (height - 2 * padding) / bh);
  const zoom = Math.min(request.maxZoom, Math.max(fitZoom, request.readableZoom));
  const centreOn = (lo: number, hi: number, focus: number | undefined, screen: number) => {
    const span = (hi - lo) * zoom;
    // The picture fits this way: centre it.
    if (span + 2 * padding <= screen || focus === undefined) return screen / 2 - ((lo + hi) / 2) * zoom;
    // Otherwise the focus in the middle, the picture's edge (with the padding) no further in than the screen's.
    const pan = screen / 2 - focus * zoom;
    return Math.min(padding - lo * zoom, Math.max(screen - padding - hi * zoom, pan));
  };
  return {
    zoom,
    pan: {
      x: centreOn(bounds.x1, bounds.x2, request.focus?.x, width),
      y: centreOn(bounds.y1, bounds.y2, request.focus?.y, height),
    },
  };
}

/** Up to this many visible entities the default fit keeps labels readable; a larger view is fitted whole (its overview). */
export const READABLE_FIT_MAX_NODES = 50;
/** Up to this many visible entities labels are nudged apart after a layout (above, most labels are not drawn at the fit; the pass is quadratic: 50 boxes all overlapping take about 40 ms here, 200 about 370 ms). */
export const SEPARATE_MAX_NODES = 100;
