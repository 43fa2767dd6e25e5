import type { Driver } from 'neo4j-driver';
import { createGraphStore, resetGraph, SEARCH_INDEX, STOP_WORDS } from '@steppe/graph-store';
import { seedGraph } from '../src/seed';
import { readRelevanceSet, RECALL_AT, runRelevanceSet, summarise } from '../src/search-relevance';
import { testDriver, uniqueGraph } from './support';

/** Seeding the curated dataset is set-up, not the subject: it gets time to spare on a busy machine. */
const SEED_TIMEOUT_MS = 180_000;

/**
 * The search relevance set (relevance/search-relevance.json) against the real
 * full-text index over the seeded dataset: the answers come from Neo4j, the
 * expectations from the data file.
 */
describe('search relevance on the seeded dataset', () => {
  let driver: Driver;
  let store: ReturnType<typeof createGraphStore>;
  const graph = uniqueGraph('relevance');

  beforeAll(async () => {
    driver = testDriver();
    await seedGraph({ driver, graph });
    store = createGraphStore({ driver, graph });
  }, SEED_TIMEOUT_MS);
  afterAll(async () => {
    await resetGraph(driver, graph);
    await driver.close();
  });

  it(`finds the expected entities in the first ${RECALL_AT} hits for at least 95% of what analysts type`, async () => {
    const cases = readRelevanceSet();
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const results = await runRelevanceSet(
      async (q) => (await store.search(q, { offset: 0, limit: RECALL_AT })).items.map((h) => h.entity.id),
      cases,
    );
    const summary = summarise(results);
    const misses = summary.misses.map((m) => `"${m.query}" → ${m.got.join(', ') || 'nothing'} (expected ${m.expected.join(', ')})`);
    expect({ recall: summary.recallAtK >= 0.95, misses }).toEqual({ recall: true, misses: expect.any(Array) });
    expect(summary.mrr).toBeGreaterThan(0.9);
  });

  it('puts the entity whose name is the query first, and offers close names when nothing matches', async () => {
    const almaty = await store.search('Almaty', { offset: 0, limit: 5 });
    expect(almaty.items[0]?.entity.id).toBe('almaty');
    expect(almaty.items.length).toBeGreaterThan(1);
    expect(almaty.suggestions).toEqual([]);

    const typo = await store.search('Tokjv', { offset: 0, limit: 5 });
    expect(typo.totalCount).toBe(0);
    expect(typo.suggestions.map((e) => e.id)).toContain('kassym-jomart-tokayev');

    const nothing = await store.search('xqzw', { offset: 0, limit: 5 });
    expect(nothing).toEqual({ totalCount: 0, items: [], suggestions: [] });
  });

  it('drops exactly the stop words the index analyzer drops', async () => {
    const { records } = await driver.executeQuery(
      `SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $index RETURN options.indexConfig['fulltext.analyzer'] AS analyzer`,
      { index: SEARCH_INDEX },
    );
    const analyzer = records[0]?.get('analyzer') as string;
    const listed = await driver.executeQuery(
      'CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords WHERE analyzer = $analyzer RETURN stopwords',
      { analyzer },
    );
    expect([...(listed.records[0]?.get('stopwords') as string[])].sort()).toEqual([...STOP_WORDS].sort());
  });
});
