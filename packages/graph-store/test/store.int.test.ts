import type { Driver } from 'neo4j-driver';
import type { Entity } from '@steppe/domain';
import { createGraphStore, loadGraph, type GraphStore } from '../src';
import { dropGraph, testDriver, tinyGraph, uniqueGraph } from './support/neo4j';

describe('graph store reads against a real Neo4j', () => {
  let driver: Driver;
  let store: GraphStore;
  let queries = 0;
  const graph = uniqueGraph('store');

  beforeAll(async () => {
    driver = testDriver();
    await loadGraph(driver, tinyGraph(), { graph });
    store = createGraphStore({ driver, graph, onQuery: () => queries++ });
  });
  afterAll(async () => {
    await dropGraph(driver, graph);
    await driver.close();
  });

  it.each([
    ['Tokayev', 'kassym-jomart-tokayev'],
    ['tokaev', 'kassym-jomart-tokayev'],
    ['Tokajev', 'kassym-jomart-tokayev'],
    ['Alma-Ata', 'almaty'],
    ['almaty', 'almaty'],
    ['ODKB', 'csto'],
    ['Collective Security', 'csto'],
  ])('search %j finds %s first', async (query, id) => {
    const page = await store.search(query, { offset: 0, limit: 5 });
    expect(page.items[0]?.entity.id).toBe(id);
  });

  it('treats Lucene syntax in user input as text, never as operators', async () => {
    // Only punctuation: no word is left to search for, so nothing matches (and nothing fails).
    for (const q of ['"', '\\', '~~~', ')(*']) {
      expect(await store.search(q, { offset: 0, limit: 5 })).toEqual({ items: [], totalCount: 0, suggestions: [] });
    }
    // As operators, "OR (*" would match every entity; as text, "or" is a stop word and the
    // punctuation is dropped, so only Tokayev is found.
    const ids = async (q: string) => (await store.search(q, { offset: 0, limit: 5 })).items.map((h) => h.entity.id);
    expect(await ids('Tokayev) OR (*')).toEqual(['kassym-jomart-tokayev']);
    expect(await ids('Tokayev)')).toEqual(['kassym-jomart-tokayev']);
    // "name:" is a word, not a field: "name:csto" answers exactly as "name csto" does.
    expect(await ids('name:csto')).toEqual(await ids('name csto'));
    // An operator alone is a stop word: nothing to search for.
    expect((await store.search('AND', { offset: 0, limit: 5 })).totalCount).toBe(0);
  });

  it('filters search by kind and pages through the hits', async () => {
    // A graph of its own in which one word names three places and three people.
    const steppeGraph = uniqueGraph('store-paging');
    const entities: Entity[] = [1, 2, 3].flatMap((i) => [
      { id: `fort-${i}`, kind: 'Place' as const, name: `Steppe Fort ${i}`, aliases: [], description: 'Fort', placeType: 'fort' },
      { id: `rider-${i}`, kind: 'Person' as const, name: `Steppe Rider ${i}`, aliases: [], description: 'Rider', roles: [] },
    ]);
    await loadGraph(driver, { sources: [], entities, relations: [] }, { graph: steppeGraph });
    try {
      const paged = createGraphStore({ driver, graph: steppeGraph });
      expect((await paged.search('steppe', { offset: 0, limit: 10 })).totalCount).toBe(6);
      const first = await paged.search('steppe', { kinds: ['Place'], offset: 0, limit: 2 });
      const second = await paged.search('steppe', { kinds: ['Place'], offset: 2, limit: 2 });
      expect([first.totalCount, second.totalCount]).toEqual([3, 3]);
      expect([first.items.length, second.items.length]).toEqual([2, 1]);
      const ids = [...first.items, ...second.items].map((h) => h.entity.id);
      expect(ids.sort()).toEqual(['fort-1', 'fort-2', 'fort-3']);
      expect(await paged.search('steppe', { kinds: ['Place'], offset: 3, limit: 2 })).toEqual({
        items: [],
        totalCount: 3,
        suggestions: [],
      });
      const both = await paged.search('steppe', { kinds: ['Place', 'Person'], offset: 0, limit: 10 });
      expect(both.items.map((h) => h.entity.kind).sort()).toEqual(['Person', 'Person', 'Person', 'Place', 'Place', 'Place']);
    } finally {
      await dropGraph(driver, steppeGraph);
    }
  });

  it('finds only the entities of its own graph', async () => {
    const other = createGraphStore({ driver, graph: uniqueGraph('empty') });
    expect((await other.search('Tokayev', { offset: 0, limit: 5 })).totalCount).toBe(0);
    expect((await other.entitiesByIds(['almaty'])).size).toBe(0);
  });

  it('reads relations of many entities in one query, with evidence and derived flags', async () => {
    const before = queries;
    const pages = await store.relationsOf(['kassym-jomart-tokayev', 'csto', 'almaty', 'protests'], { offset: 0, limit: 10 });
    expect(queries - before).toBe(1);
    expect(pages.get('csto')?.totalCount).toBe(2);
    const coordinated = pages.get('csto')!.items.find((r) => r.type === 'COORDINATED')!;
    expect(coordinated.contested).toBe(true);
    expect(coordinated.sourceCount).toBe(1);
    expect(coordinated.evidence.map((e) => e.stance)).toEqual(['CLAIMED', 'DENIED']);
    const aid = pages.get('kassym-jomart-tokayev')!.items[0]!;
    expect(aid).toMatchObject({ type: 'REQUESTED_AID_FROM', from: 'kassym-jomart-tokayev', to: 'csto', date: '2022-01-05' });
  });

  it('filters relations by type and direction', async () => {
    const out = await store.relationsOf(['csto'], { direction: 'OUT', offset: 0, limit: 10 });
    expect(out.get('csto')?.items.map((r) => r.type)).toEqual(['COORDINATED']);
    const aid = await store.relationsOf(['csto'], { types: ['REQUESTED_AID_FROM'], offset: 0, limit: 10 });
    expect(aid.get('csto')?.items.map((r) => r.id)).toEqual(['tokayev-requested-aid-from-csto']);
  });

  it('lists relations across the graph by type, by disagreement and by source, in time order', async () => {
    const all = await store.relations({ offset: 0, limit: 10 });
    expect(all.totalCount).toBe(3);
    // Dated relations first, by the day they start; undated ones last.
    expect(all.items.map((r) => r.id)).toEqual(['protests-in-almaty', 'tokayev-requested-aid-from-csto', 'csto-coordinated-protests']);

    const contested = await store.relations({ contested: true, offset: 0, limit: 10 });
    expect(contested.items.map((r) => r.id)).toEqual(['csto-coordinated-protests']);
    expect(contested.items[0]!.evidence.map((e) => e.stance)).toEqual(['CLAIMED', 'DENIED']);
    const agreed = await store.relations({ contested: false, offset: 0, limit: 10 });
    expect(agreed.totalCount).toBe(2);

    const aid = await store.relations({ types: ['REQUESTED_AID_FROM', 'COORDINATED'], offset: 0, limit: 10 });
    expect(aid.items.map((r) => r.type).sort()).toEqual(['COORDINATED', 'REQUESTED_AID_FROM']);
    expect((await store.relations({ sourceId: 'no-such-source', offset: 0, limit: 10 })).totalCount).toBe(0);
    // tinyGraph's one document is cited by all three relations.
    expect((await store.relations({ sourceId: 'doc-1', offset: 0, limit: 10 })).totalCount).toBe(3);
  });

  it('pages relations across the graph with a stable total', async () => {
    const first = await store.relations({ offset: 0, limit: 2 });
    const rest = await store.relations({ offset: 2, limit: 2 });
    expect(first.totalCount).toBe(3);
    expect(rest.totalCount).toBe(3);
    expect([...first.items, ...rest.items].map((r) => r.id)).toHaveLength(3);
    expect(new Set([...first.items, ...rest.items].map((r) => r.id)).size).toBe(3);
    expect((await store.relations({ offset: 10, limit: 2 })).items).toEqual([]);
  });

  it('refuses a relation type outside the vocabulary before writing any Cypher', async () => {
    const before = queries;
    await expect(store.relations({ types: ['KNOWS] ->() DETACH DELETE a //'], offset: 0, limit: 5 })).rejects.toThrow(
      /Unknown relation type/,
    );
    expect(queries).toBe(before);
  });

  it('counts the vocabulary in use', async () => {
    const { kinds, types, contested } = await store.vocabularyCounts();
    expect(kinds.get('Person')).toBe(1);
    expect(types.get('COORDINATED')).toBe(1);
    // The contested count is stored at load, kept apart from the type counts, and agrees with a scan.
    expect(types.has('contested')).toBe(false);
    expect(contested).toBe((await store.relations({ contested: true, offset: 0, limit: 1 })).totalCount);
    expect(await store.contestedCount()).toBe(1);
  });

  it('counts contested relations by a scan on a graph loaded before the count was stored', async () => {
    const other = uniqueGraph('old-counts');
    await loadGraph(driver, tinyGraph(), { graph: other });
    try {
      await driver.executeQuery(
        `MATCH (sg:SteppeGraph {name: $graph})
         WITH sg, [i IN range(0, size(sg.countKeys) - 1) WHERE sg.countKeys[i] <> 'contested'] AS keep
         SET sg.countKeys = [i IN keep | sg.countKeys[i]], sg.countValues = [i IN keep | sg.countValues[i]]`,
        { graph: other },
      );
      const old = createGraphStore({ driver, graph: other });
      expect((await old.vocabularyCounts()).contested).toBeNull();
      expect(await old.contestedCount()).toBe(1);
    } finally {
      await dropGraph(driver, other);
    }
  });
});
