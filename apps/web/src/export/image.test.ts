import { exportStylesheet, fitScale } from './image';

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
