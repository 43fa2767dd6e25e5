import { exportStylesheet, fitScale, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './image';

describe('fitScale', () => {
  it('keeps the asked scale while the picture fits the browser’s limits', () => {
    expect(fitScale({ w: 800, h: 600 }, 4)).toBe(4);
    expect(fitScale({ w: 0, h: 0 }, 2)).toBe(2);
  });

  it('lowers it for a picture that would be too wide or too large', () => {
    const wide = fitScale({ w: 8000, h: 100 }, 4);
    expect(wide).toBeLessThan(4);
    expect(8000 * wide).toBeLessThanOrEqual(MAX_IMAGE_SIDE);
    const big = fitScale({ w: 6000, h: 6000 }, 4);
    expect(6000 * 6000 * big * big).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
    expect(big).toBeGreaterThan(1);
  });
});

describe('exportStylesheet', () => {
  it('draws every label whatever the zoom', () => {
    const sheet = exportStylesheet() as unknown as { selector: string; style: Record<string, unknown> }[];
    expect(sheet[sheet.length - 1]).toEqual({ selector: 'node, edge', style: { 'min-zoomed-font-size': 0 } });
    expect(sheet.length).toBeGreaterThan(1);
  });
});
