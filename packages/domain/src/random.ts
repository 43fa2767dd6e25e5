/**
 * Seeded randomness, one implementation for every place that needs the same
 * numbers from the same seed: synthetic graphs, benchmark workloads, and the
 * layouts of the explorer and the exported figures (which must not move
 * between two runs over the same entities).
 */

/** mulberry32: a small, fast 32-bit PRNG with a good spread; the same seed gives the same sequence in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the sorted ids: the same entities give the same seed, whatever order they came in. */
export function seedOf(ids: Iterable<string>): number {
  let h = 0x811c9dc5;
  for (const id of [...ids].sort()) {
    for (let i = 0; i < id.length; i++) {
      h ^= id.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Runs `fn` with Math.random replaced by a seeded generator (layout libraries
 * such as fcose draw from Math.random and take no seed); the real one is back
 * afterwards, also when `fn` throws. Only for synchronous work.
 */
export function withSeededRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
