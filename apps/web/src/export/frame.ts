import { ENTITY_KIND_INFO, ENTITY_KINDS, RELATION_FAMILIES, type EntityKind, type RelationFamily } from '@steppe/domain';
import { FAMILY_NAMES } from '../workspace/counts';

/**
 * A title above a picture of the canvas and a legend below it, for a PNG that
 * is pasted into a report or a slide on its own: the reader sees what it shows
 * and what the colours mean without the explorer beside it. The layout is
 * computed here, in picture pixels at scale 1, apart from the drawing, so it
 * can be checked without a browser.
 */

export interface LegendEntry {
  label: string;
  colour: string;
  /** A dot for an entity kind, a line for a relation family. */
  mark: 'dot' | 'line';
  /** A family's line style, as the canvas draws it (claims and media are dashed, geography dotted). */
  lineStyle?: 'solid' | 'dashed' | 'dotted';
}

export interface FrameContent {
  title: string;
  legend: readonly LegendEntry[];
}

export interface PlacedText {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
}

export interface PlacedEntry extends LegendEntry {
  /** Left edge of the mark; the label follows it. */
  x: number;
  /** Vertical centre of the row. */
  y: number;
}

export interface FrameLayout {
  width: number;
  height: number;
  /** Where the picture of the canvas goes (its own size, unscaled). */
  picture: { x: number; y: number };
  titleLines: PlacedText[];
  legend: PlacedEntry[];
}

export const FRAME_PADDING = 16;
export const TITLE_FONT_PX = 20;
export const TITLE_LINE_HEIGHT = 26;
export const LEGEND_FONT_PX = 13;
export const LEGEND_ROW_HEIGHT = 22;
/** Room for the mark and the gap after it, and between entries. */
const MARK_WIDTH = 26;
const ENTRY_GAP = 18;
/** Narrow pictures still get a frame wide enough for a title and a legend row. */
export const MIN_FRAME_WIDTH = 360;

/** The legend for what a picture holds: its kinds in the vocabulary's order, then its relation families. */
export function legendFor(kinds: Iterable<EntityKind>, families: Iterable<RelationFamily | null>): LegendEntry[] {
  const kindSet = new Set(kinds);
  const familySet = new Set([...families].filter((f): f is RelationFamily => f !== null));
  return [
    ...ENTITY_KINDS.filter((k) => kindSet.has(k)).map((k) => ({
      label: ENTITY_KIND_INFO[k].plural,
      colour: ENTITY_KIND_INFO[k].colour,
      mark: 'dot' as const,
    })),
    ...FAMILY_NAMES.filter((f) => familySet.has(f)).map((f) => ({
      label: RELATION_FAMILIES[f].label,
      colour: RELATION_FAMILIES[f].colour,
      mark: 'line' as const,
      lineStyle: RELATION_FAMILIES[f].lineStyle,
    })),
  ];
}

/** Breaks `text` into lines no wider than `maxWidth` at spaces; a longer word keeps a line of its own. */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** A string's width at the font the title or the legend is drawn in. */
export interface FrameMeasure {
  title: (s: string) => number;
  legend: (s: string) => number;
}

/**
 * Places the title (wrapped to the width, never cut), the picture, and the
 * legend (entries flowing into rows) around a picture of `picture` size.
 * `measure` gives a string's width at the font it is drawn in.
 */
export function layoutFrame(picture: { width: number; height: number }, content: FrameContent, measure: FrameMeasure): FrameLayout {
  const width = Math.ceil(Math.max(picture.width + 2 * FRAME_PADDING, MIN_FRAME_WIDTH));
  const inner = width - 2 * FRAME_PADDING;
  const lines = content.title.trim() ? wrapText(content.title.trim(), inner, measure.title) : [];
  const titleLines = lines.map((text, i) => ({ text, x: FRAME_PADDING, y: FRAME_PADDING + TITLE_FONT_PX + i * TITLE_LINE_HEIGHT }));
  const titleHeight = lines.length > 0 ? FRAME_PADDING + lines.length * TITLE_LINE_HEIGHT : 0;
  const pictureTop = titleHeight + FRAME_PADDING;
  const picturePos = { x: Math.round((width - picture.width) / 2), y: pictureTop };

  const legend: PlacedEntry[] = [];
  let x = FRAME_PADDING;
  let row = 0;
  const legendTop = pictureTop + picture.height + FRAME_PADDING;
  for (const entry of content.legend) {
    const entryWidth = MARK_WIDTH + measure.legend(entry.label);
    if (x > FRAME_PADDING && x + entryWidth > width - FRAME_PADDING) {
      row++;
      x = FRAME_PADDING;
    }
    legend.push({ ...entry, x, y: legendTop + row * LEGEND_ROW_HEIGHT + LEGEND_ROW_HEIGHT / 2 });
    x += entryWidth + ENTRY_GAP;
  }
  const legendHeight = content.legend.length > 0 ? (row + 1) * LEGEND_ROW_HEIGHT + FRAME_PADDING : 0;
  return { width, height: Math.ceil(legendTop + legendHeight), picture: picturePos, titleLines, legend };
}

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const TITLE_FONT = `600 ${TITLE_FONT_PX}px ${FONT_FAMILY}`;
const LEGEND_FONT = `${LEGEND_FONT_PX}px ${FONT_FAMILY}`;

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  return ctx;
}

/** Measures text in the browser, in the fonts the frame is drawn with (so the layout is known before drawing). */
export function frameMeasure(): FrameMeasure {
  const ctx = context2d(document.createElement('canvas'));
  const measureWith = (font: string) => (s: string) => {
    ctx.font = font;
    return ctx.measureText(s).width;
  };
  return { title: measureWith(TITLE_FONT), legend: measureWith(LEGEND_FONT) };
}

/**
 * Draws a PNG of the canvas inside its frame (laid out by `layoutFrame` with `frameMeasure`), at `scale` device
 * pixels per picture pixel (the picture itself is already at that scale). The frame is painted white unless the
 * background is transparent.
 */
export async function framePng(
  png: Blob,
  pictureSize: { width: number; height: number },
  layout: FrameLayout,
  scale: number,
  background: 'white' | 'transparent',
): Promise<{ blob: Blob; width: number; height: number }> {
  const bitmap = await createImageBitmap(png);
  try {
    const canvas = document.createElement('canvas');
    const ctx = context2d(canvas);
    canvas.width = Math.ceil(layout.width * scale);
    canvas.height = Math.ceil(layout.height * scale);
    ctx.scale(scale, scale);
    if (background === 'white') {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, layout.width, layout.height);
    }
    ctx.drawImage(bitmap, layout.picture.x, layout.picture.y, pictureSize.width, pictureSize.height);
    ctx.fillStyle = '#111111';
    ctx.font = TITLE_FONT;
    ctx.textBaseline = 'alphabetic';
    for (const line of layout.titleLines) ctx.fillText(line.text, line.x, line.y);
    ctx.font = LEGEND_FONT;
    ctx.textBaseline = 'middle';
    for (const entry of layout.legend) {
      ctx.fillStyle = entry.colour;
      ctx.strokeStyle = entry.colour;
      if (entry.mark === 'dot') {
        ctx.beginPath();
        ctx.arc(entry.x + 7, entry.y, 6, 0, 2 * Math.PI);
        ctx.fill();
      } else {
        ctx.lineWidth = 3;
        ctx.setLineDash(entry.lineStyle === 'dashed' ? [6, 3] : entry.lineStyle === 'dotted' ? [2, 3] : []);
        ctx.beginPath();
        ctx.moveTo(entry.x, entry.y);
        ctx.lineTo(entry.x + 18, entry.y);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = '#222222';
      ctx.fillText(entry.label, entry.x + MARK_WIDTH, entry.y);
    }
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be encoded.'))), 'image/png'),
    );
    return { blob, width: canvas.width, height: canvas.height };
  } finally {
    bitmap.close();
  }
}
