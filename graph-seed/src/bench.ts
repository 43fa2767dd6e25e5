/**
 * `npm run bench:seed`: loads a synthetic graph (default 100,000 entities and
 * ~1,000,000 relations) into an empty database through Steppe's loader, then
 * the same data through Neo4j's own online bulk path (LOAD CSV with CALL { … }
 * IN TRANSACTIONS), and prints throughput, the ratio and peak memory. `--csv-first`
 * swaps the order; `--ceiling` also times LOAD CSV of the relationships without properties.
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
import { mkdirSync, rmSync, mkdtempSync, createWriteStream, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { startLocalNeo4j, neo4jConnectionFromEnv } from '@steppe/neo4j-local';
import {
  RELATION_PROPERTIES,
  createDriver,
  ensureSchema,
  entityProps,
  loadGraph,
  relationValues,
  resetGraph,
  type GraphData,
} from '@steppe/graph-store';
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

type ColumnType = 'string' | 'number' | 'list';

/** The storage properties of each kind's entities (as Steppe's loader stores them) and their types. */
function entityColumns(data: GraphData): Map<string, Map<string, ColumnType>> {
  const byKind = new Map<string, Map<string, ColumnType>>();
  for (const e of data.entities) {
    const columns = byKind.get(e.kind) ?? new Map<string, ColumnType>();
    for (const [key, value] of Object.entries(entityProps(e))) {
      if (!/^[A-Za-z]+$/.test(key)) throw new Error(`unexpected property name ${key}`);
      columns.set(key, Array.isArray(value) ? 'list' : typeof value === 'number' ? 'number' : 'string');
    }
    byKind.set(e.kind, columns);
  }
  return byKind;
}

/** Writes the entities as one CSV per kind (kinds are labels, which cannot be parameters), every stored property. */
async function writeEntityCsvFiles(data: GraphData, dir: string) {
  for (const [kind, columns] of entityColumns(data)) {
    const keys = [...columns.keys()];
    await writeCsv(
      path.join(dir, `entities-${kind}.csv`),
      keys,
      data.entities
        .filter((e) => e.kind === kind)
        .map((e) => {
          const props = entityProps(e);
          return keys.map((k) => (Array.isArray(props[k]) ? (props[k] as unknown[]).join('|') : props[k]));
        }),
    );
  }
}

/**
 * Writes the relations as one CSV per type, rows as Steppe's loader sends them: endpoints as
 * element ids (looked up once the entities are in), each type ordered by start node.
 */
async function writeRelationCsvFiles(driver: Driver, data: GraphData, dir: string, generation: string) {
  const nodes = new Map<string, { node: string; rank: number }>();
  const { records } = await driver.executeQuery(
    'MATCH (n:Entity {graph: $generation}) RETURN n.id AS id, elementId(n) AS node ORDER BY id(n)',
    { generation },
  );
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

async function loadEntityCsv(driver: Driver, data: GraphData, dir: string, generation: string, batch: number) {
  const session = driver.session();
  try {
    for (const [kind, columns] of entityColumns(data)) {
      if (!(ENTITY_KINDS as readonly string[]).includes(kind)) throw new Error(`unexpected kind ${kind}`);
      // Property names come from the domain's entity fields (checked above), values are CSV fields.
      const set = [...columns]
        .filter(([key]) => key !== 'id')
        .map(([key, type]) =>
          type === 'list'
            ? `n.${key} = CASE row.${key} WHEN '' THEN [] ELSE split(row.${key}, '|') END`
            : type === 'number'
              ? `n.${key} = toFloat(row.${key})`
              : `n.${key} = row.${key}`,
        );
      await session.run(
        `LOAD CSV WITH HEADERS FROM $url AS row
         CALL (row) {
           MERGE (n:Entity {graph: $generation, id: row.id})
           SET n:${kind}, ${set.join(', ')}
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

/**
 * The ceiling of Neo4j's own bulk path here: the same relationships (same endpoints, same order,
 * element-id lookups) with no properties and no generation check. Files written first, untimed.
 */
async function loadBareRelationCsv(
  driver: Driver,
  data: GraphData,
  dir: string,
  generation: string,
  batch: number,
  neo4jCpu: () => number,
) {
  const nodes = new Map<string, string>();
  const { records } = await driver.executeQuery('MATCH (n:Entity {graph: $generation}) RETURN n.id AS id, elementId(n) AS node', {
    generation,
  });
  for (const r of records) nodes.set(r.get('id') as string, r.get('node') as string);
  const types = RELATION_TYPE_NAMES.filter((type) => data.relations.some((r) => r.type === type));
  for (const type of types) {
    await writeCsv(
      path.join(dir, `bare-${type}.csv`),
      ['a', 'b'],
      data.relations.filter((r) => r.type === type).map((r) => [nodes.get(r.from)!, nodes.get(r.to)!]),
    );
  }
  const session = driver.session();
  try {
    const t = performance.now();
    const cpu0 = neo4jCpu();
    for (const type of types) {
      await session.run(
        `LOAD CSV WITH HEADERS FROM $url AS row
         CALL (row) {
           MATCH (a) WHERE elementId(a) = row.a
           MATCH (b) WHERE elementId(b) = row.b
           CREATE (a)-[:${type}]->(b)
         } IN TRANSACTIONS OF ${batch} ROWS`,
        { url: `file://${path.join(dir, `bare-${type}.csv`)}` },
      );
    }
    return { seconds: (performance.now() - t) / 1000, neo4jCpu: neo4jCpu() - cpu0 };
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

/** CPU time of this process (user + system), to compare runs when other work shares the machine. */
function seederCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** CPU time of the local Neo4j JVM so far, from /proc (Linux); NaN elsewhere. */
function jvmCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds of the local Neo4j JVM's threads so far, by what they do (thread names from /proc):
 * Bolt workers run the queries and their commits (LOAD CSV's too), the JIT compiles, GC collects.
 */
function jvmThreadCpu(pid: number): Record<'queries' | 'jit' | 'gc' | 'other', number> {
  const out = { queries: 0, jit: 0, gc: 0, other: 0 };
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return { queries: NaN, jit: NaN, gc: NaN, other: NaN };
  }
  for (const tid of tids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / 100;
    const group = /BoltWorke/.test(name) ? 'queries' : /Compiler/.test(name) ? 'jit' : /^(GC Thread|G1 )/.test(name) ? 'gc' : 'other';
    out[group] += seconds;
  }
  return out;
}

function threadCpuSince(before: ReturnType<typeof jvmThreadCpu>, after: ReturnType<typeof jvmThreadCpu>): string {
  const d = (k: keyof typeof before) => (after[k] - before[k]).toFixed(1);
  return `queries and commits ${d('queries')} s, JIT compiler ${d('jit')} s, GC ${d('gc')} s, other ${d('other')} s`;
}

async function main() {
  const opts = new Command('bench:seed')
    .option('--entities <n>', 'synthetic entities', (v) => Number(v), 100_000)
    .option('--warm-entities <n>', 'entities of the warm-up graph both paths load first', (v) => Number(v), 10_000)
    .option('--batch-size <n>', 'rows per transaction, both paths', (v) => Number(v), 10_000)
    .option('--heap <size>', 'heap of the local Neo4j', '4g')
    .option('--page-cache <size>', 'page cache of the local Neo4j', '2g')
    .option('--csv-first', "load through LOAD CSV before Steppe's loader (to see whether going first or second matters)")
    .option('--ceiling', "also time LOAD CSV of the same relationships without properties (the bulk path's ceiling)")
    .parse()
    .opts<{
      entities: number;
      warmEntities: number;
      batchSize: number;
      heap: string;
      pageCache: string;
      csvFirst?: boolean;
      ceiling?: boolean;
    }>();

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
    console.log(
      `Neo4j: ${conn.uri}${local ? ` (local, heap ${opts.heap}, page cache ${opts.pageCache})` : ' (NEO4J_URI)'}; ${os.cpus().length} cores`,
    );
    const t = performance.now();
    const data = syntheticGraph(opts.entities, 42);
    console.log(
      `generated ${data.entities.length} entities, ${data.relations.length} relations in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    await ensureSchema(driver);

    // Warm both paths up (JIT, page cache, query plans) so that neither pays for going first:
    // with a 2,000-entity warm-up the first path measured still paid for the JIT's optimising
    // compiles (twice the Neo4j CPU of a warmed-up run).
    const warm = syntheticGraph(opts.warmEntities, 7);
    const warmDir = path.join(scratch, 'warm');
    mkdirSync(warmDir);
    await loadGraph(driver, warm, { graph: 'bench-warm', batchSize: opts.batchSize, force: true });
    await resetGraph(driver, 'bench-warm');
    await writeEntityCsvFiles(warm, warmDir);
    await loadEntityCsv(driver, warm, warmDir, 'bench-warm@csv', opts.batchSize);
    await writeRelationCsvFiles(driver, warm, warmDir, 'bench-warm@csv');
    await loadRelationCsv(driver, warm, warmDir, 'bench-warm@csv', opts.batchSize);
    await deleteCsvGeneration(driver, 'bench-warm@csv');

    // Steppe's loader (the same path `npm run seed -- --synthetic N` takes).
    const runSteppe = async () => {
      const t0 = performance.now();
      let relStart = 0;
      let relEnd = 0;
      const cpu0 = { seeder: seederCpuSeconds(), neo4j: local ? jvmCpuSeconds(local.pid) : NaN };
      const threads0 = local ? jvmThreadCpu(local.pid) : undefined;
      peakRss = process.memoryUsage().rss;
      await loadGraph(driver, data, {
        graph: 'bench-steppe',
        batchSize: opts.batchSize,
        force: true,
        onProgress: (p) => {
          if (p.phase === 'relations' && relStart === 0) relStart = performance.now();
          if (p.phase === 'relations' && p.done === p.total) relEnd = performance.now();
        },
      });
      const seconds = (performance.now() - t0) / 1000;
      const cpu = { seeder: seederCpuSeconds() - cpu0.seeder, neo4j: local ? jvmCpuSeconds(local.pid) - cpu0.neo4j : NaN };
      const threads = local && threads0 ? threadCpuSince(threads0, jvmThreadCpu(local.pid)) : undefined;
      const entitySeconds = (relStart - t0) / 1000;
      const peak = peakRss;
      await resetGraph(driver, 'bench-steppe');
      return {
        seconds,
        cpu,
        threads,
        entitySeconds,
        relationSeconds: seconds - entitySeconds,
        writeSeconds: (relEnd - relStart) / 1000,
        peak,
      };
    };

    // Neo4j's LOAD CSV, same data, same constraints, same statements, same batch size.
    // Writing the CSV files (relations need the entities' element ids) is timed apart.
    const runCsv = async () => {
      const neo4j0 = local ? jvmCpuSeconds(local.pid) : NaN;
      const threads0 = local ? jvmThreadCpu(local.pid) : undefined;
      let t0 = performance.now();
      await writeEntityCsvFiles(data, csvDir);
      let writeSeconds = (performance.now() - t0) / 1000;
      t0 = performance.now();
      await loadEntityCsv(driver, data, csvDir, 'bench-csv@1', opts.batchSize);
      const entitySeconds = (performance.now() - t0) / 1000;
      t0 = performance.now();
      await writeRelationCsvFiles(driver, data, csvDir, 'bench-csv@1');
      writeSeconds += (performance.now() - t0) / 1000;
      t0 = performance.now();
      await loadRelationCsv(driver, data, csvDir, 'bench-csv@1', opts.batchSize);
      const relationSeconds = (performance.now() - t0) / 1000;
      const neo4jCpu = local ? jvmCpuSeconds(local.pid) - neo4j0 : NaN;
      const threads = local && threads0 ? threadCpuSince(threads0, jvmThreadCpu(local.pid)) : undefined;
      const ceiling = opts.ceiling
        ? await loadBareRelationCsv(driver, data, csvDir, 'bench-csv@1', opts.batchSize, () => (local ? jvmCpuSeconds(local.pid) : NaN))
        : undefined;
      await deleteCsvGeneration(driver, 'bench-csv@1');
      return { seconds: entitySeconds + relationSeconds, entitySeconds, relationSeconds, writeSeconds, neo4jCpu, threads, ceiling };
    };

    let steppe: Awaited<ReturnType<typeof runSteppe>>;
    let csv: Awaited<ReturnType<typeof runCsv>>;
    if (opts.csvFirst) {
      csv = await runCsv();
      steppe = await runSteppe();
    } else {
      steppe = await runSteppe();
      csv = await runCsv();
    }
    const steppeSeconds = steppe.seconds;
    const steppeCpu = steppe.cpu;
    const csvSeconds = csv.seconds;
    const csvNeo4jCpu = csv.neo4jCpu;

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    console.log('');
    console.log(`order: ${opts.csvFirst ? 'LOAD CSV first, then Steppe' : 'Steppe first, then LOAD CSV'}`);
    console.log(
      `steppe loader:  ${steppeSeconds.toFixed(1)} s total — entities ${fmt(data.entities.length / steppe.entitySeconds)}/s, relations ${fmt(data.relations.length / steppe.relationSeconds)}/s`,
    );
    console.log(
      `  of which: before relations ${steppe.entitySeconds.toFixed(1)} s, writing relations ${steppe.writeSeconds.toFixed(1)} s, count check + index refresh + switch ${(steppe.relationSeconds - steppe.writeSeconds).toFixed(1)} s`,
    );
    console.log(`  CPU: seeder ${steppeCpu.seeder.toFixed(1)} s, Neo4j ${steppeCpu.neo4j.toFixed(1)} s`);
    if (steppe.threads) console.log(`  Neo4j's threads: ${steppe.threads}`);
    console.log(
      `LOAD CSV:       ${csvSeconds.toFixed(1)} s (+ ${csv.writeSeconds.toFixed(1)} s writing the CSV files); CPU: Neo4j ${csvNeo4jCpu.toFixed(1)} s (loading only)`,
    );
    if (csv.threads) console.log(`  Neo4j's threads: ${csv.threads}`);
    console.log(
      `  of which: entities ${csv.entitySeconds.toFixed(1)} s (${fmt(data.entities.length / csv.entitySeconds)}/s), relations ${csv.relationSeconds.toFixed(1)} s (${fmt(data.relations.length / csv.relationSeconds)}/s)`,
    );
    if (csv.ceiling) {
      console.log(
        `  ceiling, the same relationships without properties: ${csv.ceiling.seconds.toFixed(1)} s, ${fmt(data.relations.length / csv.ceiling.seconds)}/s; ` +
          `CPU: Neo4j ${csv.ceiling.neo4jCpu.toFixed(1)} s (${((csv.ceiling.neo4jCpu / data.relations.length) * 1e6).toFixed(0)} µs per relationship)`,
      );
    }
    console.log(
      `ratio LOAD CSV time / steppe time: ${(csvSeconds / steppeSeconds).toFixed(2)} (≥ 1.0 means the seeder is at least as fast)`,
    );
    if (local) {
      console.log(
        `CPU ratio LOAD CSV (Neo4j) / steppe (Neo4j + seeder): ${(csvNeo4jCpu / (steppeCpu.neo4j + steppeCpu.seeder)).toFixed(2)} ` +
          '(less sensitive to other work on the machine than the time ratio)',
      );
    }
    console.log(`peak seeder memory (RSS): ${fmt(steppe.peak / 1_048_576)} MiB`);
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
