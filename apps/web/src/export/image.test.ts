import { exportStylesheet, fitScale, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, planImage } from './image';
import { FRAME_PADDING, legendFor } from './frame';

describe('fitScale', () => {
  it('keeps the asked scale while the picture fits the browser’s limits', () => {
    expect(fitScale({ w: 800, h: 600 }, 4)).toBe(4);
    expect(fitScale({ w: 0, h: 0 }, 2)).toBe(2);
  });

  it('lowers it for a picture that would be too wide or too large', () => {
    // The limits as documented (README: 16,384 px a side, 100 megapixels), worked out here and
    // rounded down to a hundredth so that the picture stays within them: 16,384 / 8,000 = 2.048.
    expect(fitScale({ w: 8000, h: 100 }, 4)).toBe(2.04);
    // √(100,000,000 / 36,000,000) = 1.666…
    expect(fitScale({ w: 6000, h: 6000 }, 4)).toBe(1.66);
  });
});

describe('exportStylesheet', () => {
  it('draws every label whatever the zoom', () => {
    const sheet = exportStylesheet() as unknown as { selector: string; style: Record<string, unknown> }[];
    expect(sheet[sheet.length - 1]).toEqual({ selector: 'node, edge', style: { 'min-zoomed-font-size': 0 } });
    expect(sheet.length).toBeGreaterThan(1);
  });
});

describe('planImage', () => {
  /** A monospace stand-in for the frame's fonts: every character 8 px wide. */
  const mono = (s: string) => s.length * 8;
  const frame = (title: string) => ({
    content: { title, legend: legendFor(['Person', 'Place'], ['power', 'geography']) },
    measure: { title: mono, legend: mono },
  });

  it('counts the frame (padding, title and legend), not only the picture, against the browser’s limits', () => {
    // A picture exactly as wide as a canvas may be: alone it fits at scale 1; framed it is 2 × 16 px wider.
    const box = { w: MAX_IMAGE_SIDE, h: 400 };
    expect(planImage(box, 1).scale).toBe(1);
    const framed = planImage(box, 1, frame('Kassym-Jomart Tokayev and their neighbours'));
    expect(framed.frame!.width).toBe(MAX_IMAGE_SIDE + 2 * FRAME_PADDING);
    expect(framed.scale).toBeLessThan(1);
    expect(Math.ceil(framed.frame!.width * framed.scale)).toBeLessThanOrEqual(MAX_IMAGE_SIDE);
    // And in height: the title above and the legend below come on top of a picture that alone would just fit.
    const tall = planImage({ w: 900, h: MAX_IMAGE_SIDE / 2 }, 2, frame('A title'));
    expect(planImage({ w: 900, h: MAX_IMAGE_SIDE / 2 }, 2).scale).toBe(2);
    expect(tall.frame!.height).toBeGreaterThan(MAX_IMAGE_SIDE / 2);
    expect(tall.scale).toBeLessThan(2);
    expect(Math.ceil(tall.frame!.height * tall.scale)).toBeLessThanOrEqual(MAX_IMAGE_SIDE);
  });

  it('keeps every framed image within the side and pixel limits, at the largest scale a hundredth below them', () => {
    for (const box of [
      { w: 16_000, h: 90 },
      { w: 120, h: 16_300 },
      { w: 9_000, h: 9_000 },
      { w: 2_000, h: 1_500 },
    ]) {
      for (const wanted of [1, 2, 4]) {
        const plan = planImage(box, wanted, frame('Tokayev, Kazakhstan and the January unrest'));
        const w = Math.ceil(plan.frame!.width * plan.scale);
        const h = Math.ceil(plan.frame!.height * plan.scale);
        expect(w).toBeLessThanOrEqual(MAX_IMAGE_SIDE);
        expect(h).toBeLessThanOrEqual(MAX_IMAGE_SIDE);
        expect(w * h).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
        expect(plan.scale).toBeLessThanOrEqual(wanted);
        // Not lowered further than needed: a hundredth more would break a limit (or the asked scale was kept).
        if (plan.scale < wanted) {
          const up = plan.scale + 0.01;
          const bigger = { w: plan.frame!.width * up, h: plan.frame!.height * up };
          expect(bigger.w > MAX_IMAGE_SIDE || bigger.h > MAX_IMAGE_SIDE || bigger.w * bigger.h > MAX_IMAGE_PIXELS).toBe(true);
        }
      }
    }
  });

  it('measures the picture in whole pixels, as it is drawn', () => {
    const plan = planImage({ w: 640.2, h: 479.5 }, 2);
    expect(plan.picture).toEqual({ width: 641, height: 480 });
    expect(plan.frame).toBeNull();
  });
});
