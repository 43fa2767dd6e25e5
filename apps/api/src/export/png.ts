import { withChromiumPage } from './chromium';

/**
 * The figure as a PNG: the SVG drawn by the system Chromium (see ./chromium)
 * in a viewport exactly its size, at `scale` device pixels per CSS pixel, and
 * captured whole, so the image always holds the full graph.
 */

/** Most pixels (and most pixels on a side) of an image, so that a tall figure at scale 4 cannot exhaust memory. */
export const PNG_LIMITS = { pixels: 40_000_000, side: 16_384 } as const;

export class PngTooLargeError extends Error {
  override name = 'PngTooLargeError';
  constructor(
    readonly width: number,
    readonly height: number,
    readonly scale: number,
  ) {
    super(
      `At scale ${scale} the figure would be ${width * scale} × ${height * scale} pixels, more than the maximum ` +
        `${PNG_LIMITS.side.toLocaleString('en')} on a side and ${PNG_LIMITS.pixels.toLocaleString('en')} in all: use a lower scale, or the SVG.`,
    );
  }
}

export interface PngOptions {
  /** The figure's size in CSS pixels (its `width` and `height` attributes). */
  width: number;
  height: number;
  /** Device pixels per CSS pixel (1–4). */
  scale: number;
  /** Leave the page unpainted behind a figure drawn without a background. */
  transparent: boolean;
  /** Give up after this long (ms). */
  timeoutMs?: number;
  /** The client went away: stop (see ./chromium). */
  signal?: AbortSignal;
}

export function checkPngSize(width: number, height: number, scale: number): void {
  const w = width * scale;
  const h = height * scale;
  if (w > PNG_LIMITS.side || h > PNG_LIMITS.side || w * h > PNG_LIMITS.pixels) throw new PngTooLargeError(width, height, scale);
}

export async function rasteriseSvg(svg: string, options: PngOptions): Promise<Uint8Array> {
  const { width, height, scale } = options;
  checkPngSize(width, height, scale);
  // The SVG element inline in an empty page (no XML declaration inside HTML), nothing around it.
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>html, body { margin: 0; padding: 0; } svg { display: block; }</style></head><body>${svg.replace(/^<\?xml[^>]*\?>\s*/, '')}</body></html>`;
  return withChromiumPage(
    {
      format: 'png',
      timeoutMs: options.timeoutMs ?? 60_000,
      signal: options.signal,
      context: { viewport: { width, height }, deviceScaleFactor: scale },
    },
    async (page) => {
      await page.setContent(html, { waitUntil: 'load' });
      const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height }, omitBackground: options.transparent });
      return new Uint8Array(png);
    },
  );
}
