/**
 * `npm run bench:search`: the search relevance set (relevance/search-relevance.json)
 * against the real full-text index over the seeded dataset: recall@5 and MRR,
 * the queries that miss, and the latency of the store's search (p50/p95 over
 * every query, several rounds after a warm-up). Uses NEO4J_URI when set,
 * otherwise starts a throw-away local Neo4j. A benchmark: it prints figures;
 * the integration test search-relevance.int.test.ts asserts the recall target.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { neo4jConnectionFromEnv, startLocalNeo4j, type LocalNeo4j } from '@steppe/neo4j-local';
import { createDriver, createGraphStore, resetGraph } from '@steppe/graph-store';
import { seedGraph } from './seed';
import { readRelevanceSet, RECALL_AT, runRelevanceSet, summarise } from './search-relevance';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const GRAPH = 'bench-search';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  const external = neo4jConnectionFromEnv();
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  if (!external) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'steppe-bench-search-'));
    local = await startLocalNeo4j({ port: 0, dataDir });
  }
  const conn = external ?? local!;
  const driver = createDriver(conn);
  try {
    await seedGraph({ driver, graph: GRAPH });
    const store = createGraphStore({ driver, graph: GRAPH });
    const search = async (q: string) => (await store.search(q, { offset: 0, limit: 10 })).items.map((h) => h.entity.id);
    const cases = readRelevanceSet();

    const results = await runRelevanceSet(search, cases); // also the warm-up round
    const summary = summarise(results);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of cases) {
        const started = process.hrtime.bigint();
        await store.search(c.query, { offset: 0, limit: 10 });
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    times.sort((a, b) => a - b);

    console.log(`Search relevance: ${summary.queries} queries (graph-seed/relevance/search-relevance.json), seeded dataset`);
    console.log(`  recall@${RECALL_AT}  ${summary.recallAtK.toFixed(3)}`);
    console.log(`  MRR        ${summary.mrr.toFixed(3)}`);
    console.log(
      `Search latency (graph-store search, first 10 hits; ${times.length} searches = ${ROUNDS} rounds × ${cases.length} queries):`,
    );
    console.log(
      `  p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   max ${times[times.length - 1]!.toFixed(1)} ms`,
    );
    if (summary.misses.length > 0) {
      console.log('Misses (recall < 1):');
      for (const m of summary.misses)
        console.log(`  "${m.query}": expected ${m.expected.join(', ')}; got ${m.got.slice(0, RECALL_AT).join(', ') || 'nothing'}`);
    }
    await resetGraph(driver, GRAPH);
  } finally {
    await driver.close();
    await local?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
