import { allowsEndpoints, anchorQuote, type EntityKind } from '@steppe/domain';
import { syntheticGraph } from '../src/synthetic';

describe('synthetic graph', () => {
  const g = syntheticGraph(2_000, 7);

  it('is reproducible for a seed and different for another', () => {
    expect(syntheticGraph(2_000, 7)).toEqual(g);
    expect(syntheticGraph(2_000, 8).relations[0]).not.toEqual(g.relations[0]);
  });

  it('has n entities and about 10·n relations, all valid', () => {
    expect(g.entities).toHaveLength(2_000);
    expect(g.relations).toHaveLength(20_000);
    const kinds = new Map(g.entities.map((e) => [e.id, e.kind as EntityKind]));
    expect(new Set(g.entities.map((e) => e.id)).size).toBe(2_000);
    expect(new Set(g.relations.map((r) => r.id)).size).toBe(20_000);
    const sources = new Set(g.sources.map((s) => s.id));
    const invalid = g.relations.filter(
      (r) =>
        !allowsEndpoints(r.type, kinds.get(r.from)!, kinds.get(r.to)!) ||
        r.evidence.length === 0 ||
        r.evidence.some((e) => !sources.has(e.sourceId)),
    );
    expect(invalid).toEqual([]);
  });

  it('gives every source a text in which each quote anchors exactly once', () => {
    const texts = new Map(g.sources.map((s) => [s.id, s.text]));
    for (const text of texts.values()) expect(text?.length).toBeGreaterThan(100);
    const unanchored = g.relations.flatMap((r) => r.evidence).filter((e) => !anchorQuote(texts.get(e.sourceId)!, e.quote).ok);
    expect(unanchored).toEqual([]);
  });

  it('has a heavy-tailed degree distribution: hubs far above the median', () => {
    const degree = new Map<string, number>();
    for (const r of g.relations) {
      degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
      degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
    }
    const sorted = [...degree.values()].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const max = sorted[sorted.length - 1]!;
    expect(max).toBeGreaterThan(20 * Math.max(median, 1));
  });
});
