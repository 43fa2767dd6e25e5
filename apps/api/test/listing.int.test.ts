import type { Driver } from 'neo4j-driver';
import { createDriver, relationProps, resetGraph, type GraphData } from '@steppe/graph-store';
import { seedGraph, validatedDataset } from '@steppe/graph-seed';
import { relationTypeInfo, type Relation } from '@steppe/domain';
import { apiFor, gql, type Api } from './helpers';

interface Stored {
  sortStart?: string;
  sortEnd?: string;
  sourceCount: number;
  contested: boolean;
}
const stored = (r: Relation) => relationProps(r) as unknown as Stored;

/**
 * Listing, filtering, ordering and aggregates against a reference computed here from
 * the curated dataset (the same files the graph is seeded from), not from the store.
 */
describe('listing, filtering, ordering and aggregates', () => {
  const graph = `listing-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  let driver: Driver;
  let api: Api;
  let data: GraphData;

  beforeAll(async () => {
    driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    await seedGraph({ driver, graph });
    data = (await validatedDataset()).data;
    api = apiFor({ driver, graph });
  }, 300_000);
  afterAll(async () => {
    await resetGraph(driver, graph);
    await driver.close();
  });

  /** Every page of `relations(where, orderBy)`, `first` at a time, with the totals each page reported. */
  async function allRelationPages(where: string, orderBy: string, first: number) {
    const ids: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let page = 0; page < 200; page++) {
      const res: Awaited<
        ReturnType<
          typeof gql<{
            relations: {
              totalCount: number;
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
              edges: { node: { id: string } }[];
            };
          }>
        >
      > = await gql(
        api,
        `query($after: String) { relations(where: ${where}, orderBy: ${orderBy}, first: ${first}, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after },
      );
      expect(res.body.errors).toBeUndefined();
      const r = res.body.data!.relations;
      totals.add(r.totalCount);
      ids.push(...r.edges.map((e) => e.node.id));
      if (!r.pageInfo.hasNextPage) break;
      after = r.pageInfo.endCursor;
    }
    return { ids, totals: [...totals] };
  }

  const overlaps = (r: Relation, from?: string, to?: string) => {
    const s = stored(r);
    if (!s.sortStart) return false;
    const openEnded = r.startDate !== undefined && r.endDate === undefined && r.date === undefined;
    if (from && !(s.sortEnd! >= from || openEnded)) return false;
    if (to && s.sortStart > to) return false;
    return true;
  };
  const byId = (a: Relation, b: Relation) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  it('lists relations of a family with enough sources, most sources first, in stable pages that add up to the reference', async () => {
    const expected = data.relations
      .filter((r) => relationTypeInfo(r.type).family === 'aid' || relationTypeInfo(r.type).family === 'power')
      .filter((r) => stored(r).sourceCount >= 2)
      .sort((a, b) => stored(b).sourceCount - stored(a).sourceCount || byId(a, b))
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(3);
    // Pages of 3 with many equal sort keys: no relation twice, none left out, in the reference order.
    const { ids, totals } = await allRelationPages('{ families: [AID, POWER], minSources: 2 }', '{ field: SOURCES, direction: DESC }', 3);
    expect(ids).toEqual(expected);
    expect(totals).toEqual([expected.length]);
  });

  it('keeps relations whose time overlaps the range, ongoing ones included', async () => {
    const expected = data.relations
      .filter((r) => r.type === 'MEMBER_OF' && overlaps(r, '2022-01-05'))
      .sort((a, b) => (stored(a).sortStart! < stored(b).sortStart! ? -1 : stored(a).sortStart! > stored(b).sortStart! ? 1 : byId(a, b)));
    const { ids } = await allRelationPages('{ types: [MEMBER_OF], from: "2022-01-05" }', '{ field: DATE }', 50);
    expect(ids).toEqual(expected.map((r) => r.id));
    expect(ids).toContain('kazakhstan-member-of-customs-union');
    // the same rule in neighbourhood
    const n = await gql<{ neighbourhood: { nodes: { id: string }[] } }>(
      api,
      '{ neighbourhood(ids: ["kazakhstan"], relationTypes: [MEMBER_OF], from: "2022-01-05") { nodes { id } } }',
    );
    expect(n.body.data!.neighbourhood.nodes.map((x) => x.id)).toContain('customs-union-belarus-kazakhstan-russia');
  });

  it('filters by entity, contested, confidence range and label, and answers first: 0 with the count only', async () => {
    const expected = data.relations.filter(
      (r) =>
        (r.from === 'kazakhstan' || r.to === 'kazakhstan') &&
        !stored(r).contested &&
        (r.confidence ?? 0) >= 0.5 &&
        (r.confidence ?? 0) <= 0.95,
    );
    const res = await gql<{ relations: { totalCount: number; edges: unknown[] } }>(
      api,
      '{ relations(where: { involving: "kazakhstan", contested: false, minConfidence: 0.5, maxConfidence: 0.95 }, first: 0) { totalCount edges { cursor } } }',
    );
    expect(res.body.data!.relations).toEqual({ totalCount: expected.length, edges: [] });
    const labelled = data.relations.filter(
      (r) => /aid/i.test(relationTypeInfo(r.type).label) || /aid/i.test(relationTypeInfo(r.type).inverseLabel),
    );
    const byLabel = await gql<{ relations: { totalCount: number } }>(
      api,
      '{ relations(where: { labelContains: "AID" }, first: 0) { totalCount } }',
    );
    expect(byLabel.body.data!.relations.totalCount).toBe(labelled.length);
  });

  it('lists entities by kind and name, ordered by name or by degree', async () => {
    const people = data.entities
      .filter((e) => e.kind === 'Person' && [e.name, ...e.aliases].some((n) => n.toLowerCase().includes('ba')))
      .sort((a, b) =>
        a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.id < b.id ? -1 : 1,
      );
    const res = await gql<{ entities: { totalCount: number; edges: { node: { id: string } }[] } }>(
      api,
      '{ entities(where: { kinds: [Person], nameContains: "BA" }, first: 100) { totalCount edges { node { id } } } }',
    );
    expect(res.body.data!.entities.totalCount).toBe(people.length);
    expect(res.body.data!.entities.edges.map((e) => e.node.id)).toEqual(people.map((e) => e.id));

    const degree = new Map<string, number>();
    for (const r of data.relations) for (const id of r.from === r.to ? [r.from] : [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const busiest = [...data.entities]
      .sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1))
      .slice(0, 7)
      .map((e) => e.id);
    const top = await gql<{ entities: { edges: { node: { id: string } }[] } }>(
      api,
      '{ entities(orderBy: { field: DEGREE, direction: DESC }, first: 7) { edges { node { id } } } }',
    );
    expect(top.body.data!.entities.edges.map((e) => e.node.id)).toEqual(busiest);
  });

  it('counts relations by type, family, source and month, and entities by kind, under one filter', async () => {
    const chosen = data.relations.filter((r) => overlaps(r, '2022-01-01', '2022-01-31'));
    const tally = (keys: string[]) => {
      const m = new Map<string, number>();
      for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
      return [...m.entries()].map(([key, count]) => ({ key, count }));
    };
    const sorted = (b: { key: string; count: number }[]) => [...b].sort((x, y) => y.count - x.count || (x.key < y.key ? -1 : 1));
    const res = await gql<{ relationAggregate: Record<string, unknown> }>(
      api,
      '{ relationAggregate(where: { from: "2022-01", to: "2022-01" }) { count byType { key count } byFamily { key count } bySource { key count } byMonth { key count } } }',
    );
    const agg = res.body.data!.relationAggregate;
    expect(agg.count).toBe(chosen.length);
    expect(agg.byType).toEqual(sorted(tally(chosen.map((r) => r.type))));
    expect(agg.byFamily).toEqual(sorted(tally(chosen.map((r) => relationTypeInfo(r.type).family.toUpperCase()))));
    expect(agg.bySource).toEqual(sorted(tally(chosen.flatMap((r) => [...new Set(r.evidence.map((e) => e.sourceId))]))));
    expect(agg.byMonth).toEqual(tally(chosen.map((r) => (r.date ?? r.startDate)!.slice(0, 7))).sort((x, y) => (x.key < y.key ? -1 : 1)));

    const kinds = await gql<{ entityAggregate: { count: number; byKind: { key: string; count: number }[] } }>(
      api,
      '{ entityAggregate { count byKind { key count } } }',
    );
    expect(kinds.body.data!.entityAggregate).toEqual({
      count: data.entities.length,
      byKind: sorted(tally(data.entities.map((e) => e.kind))),
    });
  });

  it('looks up one relation and several entities by id, NOT_FOUND naming the missing', async () => {
    const r = data.relations[0]!;
    const one = await gql<{ relation: { id: string; type: string } }>(api, `{ relation(id: "${r.id}") { id type } }`);
    expect(one.body.data!.relation).toEqual({ id: r.id, type: r.type });
    const none = await gql(api, '{ relation(id: "nope") { id } }');
    expect(none.body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', ids: ['nope'] } });

    const ids = [data.entities[3]!.id, data.entities[0]!.id];
    const some = await gql<{ entities: { edges: { node: { id: string } }[] } }>(
      api,
      `{ entities(ids: ${JSON.stringify(ids)}) { edges { node { id } } } }`,
    );
    expect(some.body.data!.entities.edges.map((e) => e.node.id)).toEqual(ids);
    const missing = await gql(api, `{ entities(ids: ["${ids[0]}", "nope"]) { totalCount } }`);
    expect(missing.body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', ids: ['nope'] } });
  });

  it('returns dates at the precision the sources give, in the timeline too', async () => {
    const yearOnly = data.relations.filter((r) => r.date !== undefined && r.date.length === 4);
    expect(yearOnly.length).toBeGreaterThan(0);
    const year = yearOnly[0]!.date!;
    const res = await gql<{ timeline: { date: string; relation: { id: string } | null }[] }>(
      api,
      `{ timeline(from: "${year}", to: "${year}", limit: 1000) { date relation { id } } }`,
    );
    const items = res.body.data!.timeline.filter((i) => i.relation);
    for (const r of yearOnly.filter((x) => x.date === year)) {
      expect(items.find((i) => i.relation!.id === r.id)?.date).toBe(year);
    }
    for (const item of items) {
      const source = data.relations.find((r) => r.id === item.relation!.id)!;
      expect(item.date).toBe(source.date ?? source.startDate);
    }
  });
});
