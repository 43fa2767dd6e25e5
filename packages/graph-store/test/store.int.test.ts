import type { Driver } from 'neo4j-driver';
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

  it('survives Lucene syntax in user input', async () => {
    for (const q of ['Tokayev) OR (*', '"', 'AND', '\\', 'name:csto', '~~~']) {
      await expect(store.search(q, { offset: 0, limit: 5 })).resolves.toBeDefined();
    }
  });

  it('filters search by kind and pages through hits', async () => {
    const people = await store.search('a', { kinds: ['Place'], offset: 0, limit: 5 });
    for (const hit of people.items) expect(hit.entity.kind).toBe('Place');
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

  it('counts the vocabulary in use', async () => {
    const { kinds, types } = await store.vocabularyCounts();
    expect(kinds.get('Person')).toBe(1);
    expect(types.get('COORDINATED')).toBe(1);
  });
});
