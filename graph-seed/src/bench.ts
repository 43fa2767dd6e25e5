/**
 * `npm run bench:seed`: loads a synthetic graph (default 100,000 entities and
 * ~1,000,000 relations) into an empty database through Steppe's loader, then
 * the same data through Neo4j's own online bulk path (LOAD CSV with CALL { … }
 * IN TRANSACTIONS), and prints throughput, the ratio and peak memory.
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
import { mkdirSync, rmSync, mkdtempSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { startLocalNeo4j, neo4jConnectionFromEnv } from '@steppe/neo4j-local';
import { RELATION_PROPERTIES, createDriver, ensureSchema, loadGraph, relationValues, resetGraph, type GraphData } from '@steppe/graph-store';
import { ENTITY_KINDS, RELATION_TYPE_NAMES } from '@steppe/domain';
import { syntheticGraph } from './synthetic';

function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function writeCsv(file: string, header: string[], rows: Iterable<unknown[]>): Promise<void> {
  const out = createWriteStream(file);
  out.write(header.join(',') + '\n');
  for (const row of rows) {
    if (!out.write(row.map(csvField).join(',') + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Writes the entities as one CSV per kind (kinds are labels, which cannot be parameters). */
async function writeEntityCsvFiles(data: GraphData, dir: string) {
  for (const kind of ENTITY_KINDS) {
    await writeCsv(
      path.join(dir, `entities-${kind}.csv`),
      ['id', 'name', 'aliases', 'description'],
      data.entities.filter((e) => e.kind === kind).map((e) => [e.id, e.name, e.aliases.join('|'), e.description]),
    );
  }
}

/**
 * Writes the relations as one CSV per type, rows as Steppe's loader sends them: endpoints as
 * element ids (looked up once the entities are in), each type ordered by start node.
 */
async function writeRelationCsvFiles(driver: Driver, data: GraphData, dir: string, generation: string) {
  const nodes = new Map<string, { node: string; rank: number }>();
  const { records } = await driver.executeQuery('MATCH (n:Entity {graph: $generation}) RETURN n.id AS id, elementId(n) AS node ORDER BY id(n)', { generation });
  for (const r of records) nodes.set(r.get('id') as string, { node: r.get('node') as string, rank: nodes.size });
  const rank = (id: string) => nodes.get(id)!.rank;
  for (const type of RELATION_TYPE_NAMES) {
    const rows = data.relations.filter((r) => r.type === type);
    if (rows.length === 0) continue;
    rows.sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
    await writeCsv(
      path.join(dir, `relations-${type}.csv`),
      ['a', 'b', ...RELATION_PROPERTIES],
      rows.map((r) => {
        const v = relationValues(r);
        return [nodes.get(r.from)!.node, nodes.get(r.to)!.node, ...v.map((x) => (Array.isArray(x) ? x.join('|') : x))];
      }),
    );
  }
}

async function loadEntityCsv(driver: Driver, dir: string, generation: string, batch: number) {
  const session = driver.session();
  try {
    for (const kind of ENTITY_KINDS) {
      await session.run(
        `LOAD CSV WITH HEADERS FROM $url AS row
         CALL (row) {
           MERGE (n:Entity {graph: $generation, id: row.id})
           SET n:${kind}, n.kind = '${kind}', n.name = row.name, n.description = row.description,
               n.aliases = CASE row.aliases WHEN '' THEN [] ELSE split(row.aliases, '|') END
         } IN TRANSACTIONS OF ${batch} ROWS`,
        { url: `file://${path.join(dir, `entities-${kind}.csv`)}`, generation },
      );
    }
  } finally {
    await session.close();
  }
}

/** Neo4j's own bulk path with the loader's relation statement (element-id endpoints, generation check, CREATE). */
async function loadRelationCsv(driver: Driver, data: GraphData, dir: string, generation: string, batch: number) {
  const session = driver.session();
  try {
    for (const type of RELATION_TYPE_NAMES) {
      if (!data.relations.some((r) => r.type === type)) continue;
      await session.run(
        `LOAD CSV WITH HEADERS FROM $url AS row
         CALL (row) {
           MATCH (a) WHERE elementId(a) = row.a
           MATCH (b) WHERE elementId(b) = row.b
           WITH a, b, row WHERE a.graph = $generation AND b.graph = $generation
           CREATE (a)-[r:${type} {id: row.id, date: row.date, startDate: row.startDate, endDate: row.endDate,
             sortStart: row.sortStart, sortEnd: row.sortEnd, stance: row.stance, confidence: toFloat(row.confidence),
             detail: row.detail, evidenceSources: split(row.evidenceSources, '|'), evidenceQuotes: split(row.evidenceQuotes, '|'),
             evidenceStances: split(row.evidenceStances, '|'), sourceCount: toInteger(row.sourceCount), contested: toBoolean(row.contested)}]->(b)
         } IN TRANSACTIONS OF ${batch} ROWS`,
        { url: `file://${path.join(dir, `relations-${type}.csv`)}`, generation },
      );
    }
  } finally {
    await session.close();
  }
}

async function deleteCsvGeneration(driver: Driver, generation: string) {
  const session = driver.session();
  try {
    await session.run(
      'MATCH (n:Entity) WHERE n.graph = $generation AND n.id IS NOT NULL CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
      { generation },
    );
  } finally {
    await session.close();
  }
}

async function main() {
  const opts = new Command('bench:seed')
    .option('--entities <n>', 'synthetic entities', (v) => Number(v), 100_000)
    .option('--batch-size <n>', 'rows per transaction, both paths', (v) => Number(v), 10_000)
    .option('--heap <size>', 'heap of the local Neo4j', '4g')
    .option('--page-cache <size>', 'page cache of the local Neo4j', '2g')
    .parse()
    .opts<{ entities: number; batchSize: number; heap: string; pageCache: string }>();

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'steppe-bench-'));
  const csvDir = path.join(scratch, 'csv');
  mkdirSync(csvDir);
  const external = neo4jConnectionFromEnv();
  const local = external
    ? undefined
    : await startLocalNeo4j({ port: 0, dataDir: path.join(scratch, 'neo4j'), heap: opts.heap, pageCache: opts.pageCache });
  const conn = external ?? local!;
  const driver = createDriver(conn, { maxRetryTimeMs: 30_000 });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  try {
    console.log(`Neo4j: ${conn.uri}${local ? ` (local, heap ${opts.heap}, page cache ${opts.pageCache})` : ' (NEO4J_URI)'}; ${os.cpus().length} cores`);
    let t = performance.now();
    const data = syntheticGraph(opts.entities, 42);
    console.log(`generated ${data.entities.length} entities, ${data.relations.length} relations in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await ensureSchema(driver);

    // Warm both paths up (JIT, page cache, query plans) so that neither pays for going first.
    const warm = syntheticGraph(2_000, 7);
    const warmDir = path.join(scratch, 'warm');
    mkdirSync(warmDir);
    await loadGraph(driver, warm, { graph: 'bench-warm', batchSize: opts.batchSize, force: true });
    await resetGraph(driver, 'bench-warm');
    await writeEntityCsvFiles(warm, warmDir);
    await loadEntityCsv(driver, warmDir, 'bench-warm@csv', opts.batchSize);
    await writeRelationCsvFiles(driver, warm, warmDir, 'bench-warm@csv');
    await loadRelationCsv(driver, warm, warmDir, 'bench-warm@csv', opts.batchSize);
    await deleteCsvGeneration(driver, 'bench-warm@csv');

    // Steppe's loader (the same path `npm run seed -- --synthetic N` takes).
    t = performance.now();
    let relStart = 0;
    await loadGraph(driver, data, {
      graph: 'bench-steppe', batchSize: opts.batchSize, force: true,
      onProgress: (p) => {
        if (p.phase === 'relations' && relStart === 0) relStart = performance.now();
      },
    });
    const steppeSeconds = (performance.now() - t) / 1000;
    const entitySeconds = (relStart - t) / 1000;
    const relationSeconds = steppeSeconds - entitySeconds;
    const steppePeak = peakRss;
    await resetGraph(driver, 'bench-steppe');

    // Neo4j's LOAD CSV, same data, same constraints, same statements, same batch size.
    // Writing the CSV files (relations need the entities' element ids) is timed apart.
    let csvWriteSeconds = 0;
    let csvSeconds = 0;
    t = performance.now();
    await writeEntityCsvFiles(data, csvDir);
    csvWriteSeconds += (performance.now() - t) / 1000;
    t = performance.now();
    await loadEntityCsv(driver, csvDir, 'bench-csv@1', opts.batchSize);
    csvSeconds += (performance.now() - t) / 1000;
    t = performance.now();
    await writeRelationCsvFiles(driver, data, csvDir, 'bench-csv@1');
    csvWriteSeconds += (performance.now() - t) / 1000;
    t = performance.now();
    await loadRelationCsv(driver, data, csvDir, 'bench-csv@1', opts.batchSize);
    csvSeconds += (performance.now() - t) / 1000;

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    console.log('');
    console.log(`steppe loader:  ${steppeSeconds.toFixed(1)} s total — entities ${fmt(data.entities.length / entitySeconds)}/s, relations ${fmt(data.relations.length / relationSeconds)}/s`);
    console.log(`LOAD CSV:       ${csvSeconds.toFixed(1)} s (+ ${csvWriteSeconds.toFixed(1)} s writing the CSV files)`);
    console.log(`ratio LOAD CSV time / steppe time: ${(csvSeconds / steppeSeconds).toFixed(2)} (≥ 1.0 means the seeder is at least as fast)`);
    console.log(`peak seeder memory (RSS): ${fmt(steppePeak / 1_048_576)} MiB`);
    await deleteCsvGeneration(driver, 'bench-csv@1');
  } finally {
    clearInterval(sampler);
    await driver.close();
    await local?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
