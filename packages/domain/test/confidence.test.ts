import { confidenceBand, CONFIDENCE_BANDS } from '../src/claims';

describe('confidenceBand', () => {
  it('explains a confidence with the curators’ bands (graph-seed/data/README.md)', () => {
    expect(confidenceBand(0.95)).toBe('stated as fact by several sources');
    expect(confidenceBand(0.85)).toBe('stated as fact by several sources');
    expect(confidenceBand(0.7)).toBe('a single report, or indirect wording');
    expect(confidenceBand(0.25)).toBe('a disputed claim');
    expect(confidenceBand(0.1)).toBe('reported only to be rejected');
  });

  it('clamps what is out of range and orders the bands from high to low', () => {
    expect(confidenceBand(7)).toBe(CONFIDENCE_BANDS[0]!.label);
    expect(confidenceBand(-1)).toBe('reported only to be rejected');
    expect(confidenceBand(Number.NaN)).toBe('reported only to be rejected');
    const mins = CONFIDENCE_BANDS.map((b) => b.min);
    expect([...mins].sort((a, b) => b - a)).toEqual(mins);
  });
});
