/**
 * `npm run bench:aggregates`: what each aggregate costs on the synthetic graph
 * (default the 100,000-entity / ~1,000,000-relation bench graph of bench:api):
 * every aggregate field asked alone, unfiltered and under a typical dashboard
 * filter, through the API in-process (`yoga.fetch`: no HTTP, no load generator),
 * one request at a time. Prints the median and the fastest of the runs and the
 * Neo4j CPU per request when Neo4j is local. A benchmark, not a test.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDriver } from '@steppe/graph-store';
import { neo4jConnectionFromEnv, startLocalNeo4j, type LocalNeo4j } from '@steppe/neo4j-local';
import { createApi, createApiLogger, DEFAULT_HTTP_POLICY } from '../src';
import { processCpuMs } from './raw';
import { ms, summarise } from './stats';

const HELP = `npm run bench:aggregates -- [options]

  --graph <name>      logical graph, already loaded (default "bench": load it with npm run bench:api)
  --runs <n>          timed runs of each query, after one untimed (default 5)
  --data-dir <dir>    store of the local Neo4j (default <tmp>/steppe-bench-api/neo4j, shared with bench:api)

NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) use that Neo4j instead of starting one; NEO4J_PID then names its
JVM for the CPU column.`;

const FILTERS: Record<string, string> = {
  unfiltered: '',
  'where { from: "2021-01", to: "2021-12", minSources: 2 }': '(where: { from: "2021-01", to: "2021-12", minSources: 2 })',
};

const FIELDS: [root: 'relationAggregate' | 'entityAggregate', field: string][] = [
  ['relationAggregate', 'count'],
  ['relationAggregate', 'byType { key count }'],
  ['relationAggregate', 'byFamily { key count }'],
  ['relationAggregate', 'bySource { key count }'],
  ['relationAggregate', 'byMonth { key count }'],
  ['entityAggregate', 'count'],
  ['entityAggregate', 'byKind { key count }'],
];

async function main() {
  const { values } = parseArgs({
    options: {
      graph: { type: 'string', default: 'bench' },
      runs: { type: 'string', default: '5' },
      'data-dir': { type: 'string', default: path.join(os.tmpdir(), 'steppe-bench-api', 'neo4j') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');
  const external = neo4jConnectionFromEnv();
  let local: LocalNeo4j | undefined;
  try {
    if (!external)
      local = await startLocalNeo4j({ port: 0, dataDir: path.resolve(values['data-dir']), heap: '4g', pageCache: '2g', jit: 'full' });
    const conn = external ?? local!;
    // With NEO4J_URI, NEO4J_PID (the JVM's pid on this machine) still gives its CPU per request.
    const neo4jPid = local?.pid ?? (process.env.NEO4J_PID ? Number(process.env.NEO4J_PID) : undefined);
    const driver = createDriver(conn, { connectionTimeoutMs: 30_000 });
    const yoga = createApi({
      driver,
      logger: createApiLogger('error'),
      graph: values.graph,
      queryTimeoutMs: 60_000,
      requestTimeoutMs: 65_000,
      httpPolicy: { ...DEFAULT_HTTP_POLICY, RATE_LIMIT_PER_SECOND: 0 },
    });
    const ask = async (query: string) => {
      const res = await yoga.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { data?: Record<string, Record<string, unknown>>; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(`${query}: ${body.errors[0]!.message}`);
      return body.data!;
    };
    const stats = await ask('{ stats { entities relations } }');
    console.log(
      `graph "${values.graph}": ${JSON.stringify(stats.stats)}; load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')}`,
    );
    console.log(`${'query'.padEnd(70)} ${'median ms'.padStart(10)} ${'min ms'.padStart(9)} ${'Neo4j CPU ms'.padStart(13)}  answer`);
    for (const [label, args] of Object.entries(FILTERS)) {
      for (const [root, field] of FIELDS) {
        if (root === 'entityAggregate' && args) continue; // EntityWhere has no dates or sources
        const query = `{ ${root}${args} { ${field} } }`;
        const first = await ask(query);
        const times: number[] = [];
        const cpu0 = processCpuMs(neo4jPid);
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          await ask(query);
          times.push(performance.now() - t);
        }
        const cpu1 = processCpuMs(neo4jPid);
        const s = summarise(times);
        const answer = first[root]![field.split(' ')[0]!];
        const shown = Array.isArray(answer) ? `${answer.length} buckets` : String(answer);
        const neo = cpu0 !== undefined && cpu1 !== undefined ? ms((cpu1 - cpu0) / runs) : '';
        console.log(
          `${`${root} ${field.split(' ')[0]} (${label})`.padEnd(70)} ${ms(s.p50).padStart(10)} ${ms(Math.min(...times)).padStart(9)} ${neo.padStart(13)}  ${shown}`,
        );
      }
    }
    console.log(
      `load average at end ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')}`,
    );
    await driver.close();
  } finally {
    await local?.stop();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
