import { mulberry32, seedOf, withSeededRandom } from '../src/random';

describe('seeded randomness', () => {
  it('gives the same sequence for the same seed, a different one for another seed, all in [0, 1)', () => {
    const take = (seed: number) => {
      const next = mulberry32(seed);
      return Array.from({ length: 1000 }, () => next());
    };
    const a = take(42);
    expect(take(42)).toEqual(a);
    expect(take(43)).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    // A usable spread: each tenth of [0, 1) gets between 5% and 15% of a thousand draws.
    const deciles = Array.from({ length: 10 }, (_, d) => a.filter((x) => Math.floor(x * 10) === d).length);
    expect(Math.min(...deciles)).toBeGreaterThan(50);
    expect(Math.max(...deciles)).toBeLessThan(150);
  });

  it('seeds from a set of ids whatever their order', () => {
    expect(seedOf(['b', 'a', 'c'])).toBe(seedOf(['c', 'b', 'a']));
    expect(seedOf(['a', 'b'])).not.toBe(seedOf(['a', 'c']));
    // The separator keeps ["ab"] and ["a", "b"] apart.
    expect(seedOf(['ab'])).not.toBe(seedOf(['a', 'b']));
  });

  it('replaces Math.random only while the work runs, also when it throws', () => {
    const original = Math.random;
    const drawn = withSeededRandom(7, () => [Math.random(), Math.random()]);
    const next = mulberry32(7);
    expect(drawn).toEqual([next(), next()]);
    expect(Math.random).toBe(original);
    expect(() =>
      withSeededRandom(7, () => {
        throw new Error('layout failed');
      }),
    ).toThrow('layout failed');
    expect(Math.random).toBe(original);
  });
});
