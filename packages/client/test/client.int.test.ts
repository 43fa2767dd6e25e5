import type { Driver } from 'neo4j-driver';
import { createApi, createApiLogger } from '@steppe/api';
import { createDriver, resetGraph, type GraphData } from '@steppe/graph-store';
import { seedGraph, validatedDataset } from '@steppe/graph-seed';
import { relationTypeInfo, type Relation } from '@steppe/domain';
import {
  AggregatesDocument,
  createClient,
  EntitiesDocument,
  EntityDocument,
  NeighbourhoodDocument,
  PathsDocument,
  RelationDocument,
  RelationsDocument,
  SearchDocument,
  SearchDocumentsDocument,
  SourceDocument,
  SourcesDocument,
  SteppeClientError,
  TimelineDocument,
  type RelationsQuery,
  type SteppeClient,
} from '../src';

/**
 * Every common operation through the client against the real API (in-process,
 * over its fetch handler) on the curated dataset seeded into Neo4j. Answers are
 * checked against the dataset files the graph was seeded from.
 */
describe('@steppe/client against the real API', () => {
  const graph = `client-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const PERSON = 'kassym-jomart-tokayev';
  let driver: Driver;
  let client: SteppeClient;
  let data: GraphData;

  const involving = (id: string) => (r: Relation) => r.from === id || r.to === id;
  const countBy = <T>(items: T[], key: (t: T) => string) => {
    const counts: Record<string, number> = {};
    for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
    return counts;
  };
  const bucketMap = (buckets: { key: string; count: number }[]) => Object.fromEntries(buckets.map((b) => [b.key, b.count]));

  beforeAll(async () => {
    driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    await seedGraph({ driver, graph });
    data = (await validatedDataset()).data;
    const api = createApi({ driver, graph, logger: createApiLogger('error'), corsOrigins: [] });
    client = createClient('http://api.test/graphql', { fetch: ((url: string, init: RequestInit) => api.fetch(url, init)) as typeof fetch });
  }, 300_000);
  afterAll(async () => {
    await resetGraph(driver, graph);
    await driver.close();
  });

  it('search finds an entity by name, every hit an entity of the dataset', async () => {
    const { search } = await client.request(SearchDocument, { query: 'Tokayev', first: 5 });
    expect(search.edges[0]?.node.id).toBe(PERSON);
    const ids = new Set(data.entities.map((e) => e.id));
    for (const edge of search.edges) expect(ids.has(edge.node.id)).toBe(true);
    expect(search.totalCount).toBeGreaterThanOrEqual(search.edges.length);
  });

  it('entity gives the dataset’s name and kind, and a relations count equal to the dataset’s', async () => {
    const { entity } = await client.request(EntityDocument, { id: PERSON, first: 5 });
    const expected = data.entities.find((e) => e.id === PERSON)!;
    expect(entity).toMatchObject({ id: PERSON, kind: expected.kind, name: expected.name });
    expect(entity!.relations.totalCount).toBe(data.relations.filter(involving(PERSON)).length);
    expect(entity!.relations.edges.length).toBe(Math.min(5, entity!.relations.totalCount));
    for (const { node } of entity!.relations.edges) expect([node.from.id, node.to.id]).toContain(PERSON);
  });

  it('neighbourhood at depth 1 holds the entity and exactly its neighbours in the dataset', async () => {
    const { neighbourhood } = await client.request(NeighbourhoodDocument, { ids: [PERSON], depth: 1, limit: 500 });
    const expected = new Set([PERSON, ...data.relations.filter(involving(PERSON)).flatMap((r) => [r.from, r.to])]);
    expect(new Set(neighbourhood.nodes.map((n) => n.id))).toEqual(expected);
    expect(neighbourhood.truncated).toBe(false);
    expect(neighbourhood.omittedNodes).toBe(0);
  });

  it('paths finds a one-hop path along a relation of the dataset', async () => {
    const r = data.relations.find(involving(PERSON))!;
    const { paths } = await client.request(PathsDocument, { from: r.from, to: r.to, maxHops: 2 });
    expect(paths[0]?.length).toBe(1);
    expect(paths[0]!.nodes.map((n) => n.id)).toEqual([r.from, r.to]);
  });

  it('timeline lists the entity’s dated relations in time order', async () => {
    const { timeline } = await client.request(TimelineDocument, { ids: [PERSON], limit: 500 });
    const dated = data.relations.filter((r) => involving(PERSON)(r) && (r.date ?? r.startDate) !== undefined);
    const relationIds = timeline.flatMap((item) => (item.relation ? [item.relation.id] : []));
    expect(new Set(relationIds)).toEqual(new Set(dated.map((r) => r.id)));
    const dates = timeline.map((item) => item.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('relation(id) gives the dataset’s relation with its evidence, and NOT_FOUND as a SteppeClientError', async () => {
    const r = data.relations.find((x) => x.evidence.length > 0)!;
    const { relation } = await client.request(RelationDocument, { id: r.id });
    expect(relation).toMatchObject({ id: r.id, type: r.type, from: { id: r.from }, to: { id: r.to }, confidence: r.confidence });
    expect(relation!.evidence.map((e) => e.source.id).sort()).toEqual(r.evidence.map((e) => e.sourceId).sort());

    const error = await client.request(RelationDocument, { id: 'no-such-relation' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SteppeClientError);
    expect((error as SteppeClientError).code).toBe('NOT_FOUND');
  });

  it('entities(where, orderBy) counts and filters like the dataset, and entities(ids) keeps the order given', async () => {
    const people = data.entities.filter((e) => e.kind === 'Person');
    const counted = await client.request(EntitiesDocument, { where: { kinds: ['Person'] }, first: 0 });
    expect(counted.entities.totalCount).toBe(people.length);
    expect(counted.entities.edges).toEqual([]);
    const page = await client.request(EntitiesDocument, {
      where: { kinds: ['Person'] },
      orderBy: { field: 'NAME', direction: 'ASC' },
      first: 10,
    });
    const names = page.entities.edges.map((e) => e.node.name);
    expect(names).toHaveLength(Math.min(10, people.length));
    for (const edge of page.entities.edges) expect(edge.node.kind).toBe('Person');
    const other = people.find((p) => p.id !== PERSON)!.id;
    const byIds = await client.request(EntitiesDocument, { ids: [other, PERSON] });
    expect(byIds.entities.edges.map((e) => e.node.id)).toEqual([other, PERSON]);
  });

  it('relations(where) pages through the entity’s relations: as many as the dataset holds, each once', async () => {
    const expected = data.relations.filter(involving(PERSON)).map((r) => r.id);
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (let page = 0; page < 50; page++) {
      const { relations }: RelationsQuery = await client.request(RelationsDocument, {
        where: { involving: PERSON },
        orderBy: { field: 'DATE', direction: 'ASC' },
        first: 7,
        after,
      });
      expect(relations.totalCount).toBe(expected.length);
      seen.push(...relations.edges.map((e) => e.node.id));
      if (!relations.pageInfo.hasNextPage) break;
      after = relations.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual([...expected].sort());
  });

  it('aggregates count relations by type and family and entities by kind as the dataset does', async () => {
    const { relationAggregate, entityAggregate } = await client.request(AggregatesDocument);
    expect(relationAggregate.count).toBe(data.relations.length);
    expect(bucketMap(relationAggregate.byType)).toEqual(countBy(data.relations, (r) => r.type));
    expect(bucketMap(relationAggregate.byFamily)).toEqual(countBy(data.relations, (r) => relationTypeInfo(r.type).family.toUpperCase()));
    expect(entityAggregate.count).toBe(data.entities.length);
    expect(bucketMap(entityAggregate.byKind)).toEqual(countBy(data.entities, (e) => e.kind));
  });

  it('sources and source(id) give the dataset’s documents, text included', async () => {
    const { sources } = await client.request(SourcesDocument);
    expect(sources.map((s) => s.id).sort()).toEqual(data.sources.map((s) => s.id).sort());
    const expected = data.sources.find((s) => s.text)!;
    const { source } = await client.request(SourceDocument, { id: expected.id });
    expect(source).toMatchObject({ id: expected.id, title: expected.title, text: expected.text });
    for (const m of source!.mentions.slice(0, 20)) expect(m.end).toBeGreaterThan(m.start);
  });

  it('searchDocuments finds a passage whose snippet is the source text at its offsets', async () => {
    const src = data.sources.find((s) => s.text && /\b[A-Za-z]{7,}\b/.test(s.text))!;
    const word = /\b[A-Za-z]{7,}\b/.exec(src.text!)![0];
    const { searchDocuments } = await client.request(SearchDocumentsDocument, { query: word, first: 5 });
    expect(searchDocuments.passages.length).toBeGreaterThan(0);
    const texts = new Map(data.sources.map((s) => [s.id, s.text ?? '']));
    for (const p of searchDocuments.passages) {
      expect(texts.get(p.source.id)!.slice(p.snippet.start, p.snippet.end)).toBe(p.snippet.text);
    }
  });

  it('a value over a limit comes back as a SteppeClientError with the API’s code and status', async () => {
    const error = (await client.request(NeighbourhoodDocument, { ids: [PERSON], depth: 99 }).catch((e: unknown) => e)) as SteppeClientError;
    expect(error).toBeInstanceOf(SteppeClientError);
    expect(error.code).toBe('LIMIT_EXCEEDED');
    // An argument limit answers 200 with the field null (README's error table); document limits answer 400.
    expect(error.status).toBe(200);
    expect(error.errors[0]!.extensions).toMatchObject({ argument: 'depth' });
    expect(error.message).toContain('depth');
  });
});
