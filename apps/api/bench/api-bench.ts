/**
 * `npm run bench:api`: latency and throughput of Steppe's GraphQL API under
 * concurrent load, against a real Neo4j holding the synthetic 100,000-entity /
 * ~1,000,000-relation graph, and how it compares with
 *   - the same Cypher run directly through neo4j-driver (the API's overhead), and
 *   - an equivalent 1-hop query through @neo4j/graphql.
 * A benchmark, not a test: it prints figures and asserts nothing.
 * `npm run bench:api -- --help` lists the options.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '@steppe/graph-store';
import { neo4jConnectionFromEnv, startLocalNeo4j, type LocalNeo4j, type Neo4jConnection } from '@steppe/neo4j-local';
import { createApi, createApiLogger, DEFAULT_HTTP_POLICY, GRAPHQL_PATH } from '../src';
import type { LoadJob, LoadResult } from './load-client';
import { listen, neo4jGraphqlOneHopQuery, startNeo4jGraphql, type RunningServer } from './neo4j-graphql';
import { profileRequests } from './profile';
import { processCpuMs, runRawLoad, type RecordedQuery, type RecordedRequest } from './raw';
import { markdownTable, ms, summarise, textTable, type LatencySummary } from './stats';
import { buildWorkload, OPERATION_LABELS, OPERATIONS, P95_TARGETS, type Operation } from './workload';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SEEDER = path.join(REPO_ROOT, 'graph-seed/bin/steppe-seed.js');
const BENCHMARKS_FILE = path.join(REPO_ROOT, 'BENCHMARKS.md');
const QUERY_TIMEOUT_MS = 10_000;

const HELP = `npm run bench:api -- [options]

  --entities <n>      synthetic entities to load (default 100000; ~10 relations each)
  --graph <name>      logical graph (default "bench", or "bench-<n>" for other sizes)
  --connections <n>   concurrent connections / in-flight requests (default 4)
  --duration <s>      measured seconds per operation and server (default 20)
  --rounds <n>        the duration is split into rounds that alternate the servers (default 4)
  --warmup <s>        unmeasured seconds per operation and server first (default 3)
  --sample <n>        distinct requests per operation (default 300)
  --limit <n>         node limit of the neighbourhood queries, 1–500 (default 100)
  --max-hops <n>      maxHops of the path query, 1–6 (default 4)
  --seed <n>          workload seed (default 7)
  --only <ops>        comma-separated subset of search,hop1,hop2,path
  --no-neo4j-graphql  skip the 1-hop comparison with @neo4j/graphql (and Steppe's star query)
  --profile           PROFILE the store's Cypher for a sample of each operation
  --record            write the results into BENCHMARKS.md (section "API")
  --data-dir <dir>    store of the local Neo4j, kept between runs so the graph is loaded once
                      (default: <tmp>/steppe-bench-api/neo4j)
  --fresh             empty the local store first
  --heap <size>       local Neo4j heap (default 4g)
  --page-cache <size> local Neo4j page cache (default 2g)

NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) use that Neo4j instead of starting one; NEO4J_PID (its JVM's
process id, on this machine) adds its CPU per request to the figures, as for a Neo4j the benchmark starts.`;

type Server = 'graphql' | 'raw' | 'graphql-star' | 'neo4j-graphql';

const SERVER_LABELS: Record<Server, string> = {
  graphql: 'Steppe GraphQL',
  raw: 'raw Cypher (driver)',
  'graphql-star': 'Steppe GraphQL, star',
  'neo4j-graphql': '@neo4j/graphql, star',
};

interface Options {
  entities: number;
  graph: string;
  connections: number;
  duration: number;
  rounds: number;
  warmup: number;
  sample: number;
  limit: number;
  maxHops: number;
  seed: number;
  only: Operation[];
  neo4jGraphql: boolean;
  profile: boolean;
  record: boolean;
  dataDir: string;
  fresh: boolean;
  heap: string;
  pageCache: string;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', default: '100000' },
      graph: { type: 'string' },
      connections: { type: 'string', default: '4' },
      duration: { type: 'string', default: '20' },
      rounds: { type: 'string', default: '4' },
      warmup: { type: 'string', default: '3' },
      sample: { type: 'string', default: '300' },
      limit: { type: 'string', default: '100' },
      'max-hops': { type: 'string', default: '4' },
      seed: { type: 'string', default: '7' },
      only: { type: 'string' },
      'no-neo4j-graphql': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      record: { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: path.join(os.tmpdir(), 'steppe-bench-api', 'neo4j') },
      fresh: { type: 'boolean', default: false },
      heap: { type: 'string', default: '4g' },
      'page-cache': { type: 'string', default: '2g' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const int = (name: string, raw: string, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const entities = int('entities', values.entities, 2);
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...OPERATIONS];
  for (const op of only) if (!OPERATIONS.includes(op as Operation)) throw new Error(`--only: unknown operation "${op}"`);
  return {
    entities,
    graph: values.graph ?? (entities === 100_000 ? 'bench' : `bench-${entities}`),
    connections: int('connections', values.connections, 1, 256),
    duration: int('duration', values.duration, 1),
    rounds: int('rounds', values.rounds, 1, 20),
    warmup: int('warmup', values.warmup, 0),
    sample: int('sample', values.sample, 1),
    limit: int('limit', values.limit, 1, 500),
    maxHops: int('max-hops', values['max-hops'], 1, 6),
    seed: int('seed', values.seed, 1),
    only: only as Operation[],
    neo4jGraphql: !values['no-neo4j-graphql'],
    profile: values.profile,
    record: values.record,
    dataDir: path.resolve(values['data-dir']),
    fresh: values.fresh,
    heap: values.heap,
    pageCache: values['page-cache'],
  };
}

/** The HTTP load generator in its own process (see load-client.ts). */
class LoadClient {
  private readonly child: ChildProcess;

  constructor() {
    this.child = fork(path.join(__dirname, 'load-client.ts'), [], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  run(job: LoadJob): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the load client exited (code ${code})`));
      this.child.once('exit', onExit);
      this.child.once('message', (message: { ok: boolean; result?: LoadResult; error?: string }) => {
        this.child.off('exit', onExit);
        if (message.ok) resolve(message.result!);
        else reject(new Error(`load client: ${message.error}`));
      });
      this.child.send(job);
    });
  }

  close() {
    if (this.child.connected) this.child.disconnect();
  }
}

function runSeeder(conn: Neo4jConnection, opts: Options): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: conn.uri, NEO4J_USER: conn.user };
  if (conn.password !== undefined) env.NEO4J_PASSWORD = conn.password;
  else delete env.NEO4J_PASSWORD;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SEEDER, '--synthetic', String(opts.entities), '--graph', opts.graph], { env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the seeder failed (exit code ${code})`))));
  });
}

interface ResponseFacts {
  bytes: number;
  /** Per-operation numbers worth knowing about the workload (nodes, edges, hits, path lengths). */
  facts: Record<string, number>;
}

/** What one response says about the workload. Throws on a GraphQL error: the benchmark must not time errors. */
function responseFacts(op: Operation | 'star' | 'neo4j-graphql', text: string): ResponseFacts {
  const json = JSON.parse(text) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (json.errors?.length) throw new Error(`${op}: ${json.errors[0]!.message}`);
  const data = json.data!;
  const facts: Record<string, number> = {};
  switch (op) {
    case 'search': {
      const s = data.search as { totalCount: number; edges: unknown[] };
      facts.hits = s.edges.length;
      facts.totalCount = s.totalCount;
      break;
    }
    case 'hop1':
    case 'hop2': {
      const n = data.neighbourhood as { nodes: unknown[]; edges: unknown[]; truncated: boolean };
      facts.nodes = n.nodes.length;
      facts.edges = n.edges.length;
      facts.truncated = n.truncated ? 1 : 0;
      break;
    }
    case 'path': {
      const p = data.paths as { length: number }[];
      facts.found = p.length > 0 ? 1 : 0;
      if (p[0]) facts.length = p[0].length;
      break;
    }
    case 'star': {
      const e = data.entity as { relations: { edges: unknown[] } };
      facts.edges = e.relations.edges.length;
      break;
    }
    case 'neo4j-graphql': {
      const [entity] = data.entities as Record<string, { edges: unknown[] } | string>[];
      let edges = 0;
      for (const value of Object.values(entity ?? {})) if (typeof value === 'object') edges += value.edges.length;
      facts.edges = edges;
      break;
    }
  }
  return { bytes: Buffer.byteLength(text), facts };
}

function describeFacts(op: Operation | 'star' | 'neo4j-graphql', all: ResponseFacts[], statements?: number): string {
  const avg = (key: string) => {
    const xs = all.map((f) => f.facts[key]).filter((x): x is number => x !== undefined);
    return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN;
  };
  const kb = all.reduce((a, f) => a + f.bytes, 0) / all.length / 1024;
  const parts: string[] = [];
  switch (op) {
    case 'search':
      parts.push(`avg ${avg('hits').toFixed(1)} hits shown of ${avg('totalCount').toFixed(0)} matching`);
      break;
    case 'hop1':
    case 'hop2':
      parts.push(
        `avg ${avg('nodes').toFixed(0)} nodes, ${avg('edges').toFixed(0)} edges, ${(avg('truncated') * 100).toFixed(0)}% truncated`,
      );
      break;
    case 'path':
      parts.push(`${(avg('found') * 100).toFixed(0)}% of pairs connected within the hop limit, avg length ${avg('length').toFixed(2)}`);
      break;
    case 'star':
    case 'neo4j-graphql':
      parts.push(`avg ${avg('edges').toFixed(0)} relations with their neighbours`);
      break;
  }
  parts.push(`avg response ${kb.toFixed(1)} KB`);
  if (statements !== undefined) parts.push(`${statements.toFixed(1)} Cypher statements per request`);
  return parts.join('; ');
}

interface Measurement {
  op: Operation;
  server: Server;
  latencies: number[];
  requests: number;
  errors: number;
  firstError?: string;
  elapsedMs: number;
  bytes: number;
  apiCpuMs: number;
  neo4jCpuMs?: number;
  clientCpuMs: number;
}

function merge(into: Measurement | undefined, add: Measurement): Measurement {
  if (!into) return add;
  return {
    ...into,
    latencies: into.latencies.concat(add.latencies),
    requests: into.requests + add.requests,
    errors: into.errors + add.errors,
    firstError: into.firstError ?? add.firstError,
    elapsedMs: into.elapsedMs + add.elapsedMs,
    bytes: into.bytes + add.bytes,
    apiCpuMs: into.apiCpuMs + add.apiCpuMs,
    neo4jCpuMs: into.neo4jCpuMs === undefined || add.neo4jCpuMs === undefined ? undefined : into.neo4jCpuMs + add.neo4jCpuMs,
    clientCpuMs: into.clientCpuMs + add.clientCpuMs,
  };
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
}

async function main() {
  const opts = parseOptions();
  const startedAt = new Date();
  const loadAtStart = loadAverage();
  const external = neo4jConnectionFromEnv();
  let local: LocalNeo4j | undefined;
  let driver: Driver | undefined;
  const servers: RunningServer[] = [];
  let client: LoadClient | undefined;
  const stopSignals = () => {
    client?.close();
    void local?.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopSignals);
  process.once('SIGTERM', stopSignals);

  try {
    console.log(
      `Steppe API benchmark — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    );
    console.log(`load average at start (1/5/15 min): ${loadAtStart}`);
    if (!external) {
      if (opts.fresh && existsSync(opts.dataDir)) rmSync(opts.dataDir, { recursive: true, force: true });
      console.log(`Starting a local Neo4j (heap ${opts.heap}, page cache ${opts.pageCache}, store ${opts.dataDir}) …`);
      local = await startLocalNeo4j({ port: 0, dataDir: opts.dataDir, heap: opts.heap, pageCache: opts.pageCache, jit: 'full' });
      console.log(`Neo4j ready at ${local.uri} in ${(local.startupMs / 1000).toFixed(1)} s (pid ${local.pid})`);
    } else {
      console.log(`Using NEO4J_URI=${external.uri}`);
    }
    const conn: Neo4jConnection = external ?? local!;
    // The JVM whose CPU is read per operation: the one started here, or the external one named by NEO4J_PID.
    const neo4jPid = local?.pid ?? (process.env.NEO4J_PID ? Number(process.env.NEO4J_PID) : undefined);

    console.log(
      `Loading the synthetic graph (${opts.entities.toLocaleString('en-US')} entities) into graph "${opts.graph}" (skipped when already loaded) …`,
    );
    let t = performance.now();
    await runSeeder(conn, opts);
    console.log(`seeding step took ${((performance.now() - t) / 1000).toFixed(1)} s`);

    driver = createDriver(conn, { connectionTimeoutMs: 30_000 });
    const workload = await buildWorkload(driver, opts.graph, {
      seed: opts.seed,
      sample: opts.sample,
      limit: opts.limit,
      maxHops: opts.maxHops,
      searchFirst: 20,
    });
    console.log(`graph "${opts.graph}" (generation ${workload.generation}): ${workload.entityCount.toLocaleString('en-US')} entities`);

    // The API in-process, recording the Cypher each request issues while `recording` is set.
    let recording: RecordedQuery[] | undefined;
    const yoga = createApi({
      driver,
      logger: createApiLogger('error'),
      graph: opts.graph,
      queryTimeoutMs: QUERY_TIMEOUT_MS,
      // A throughput bench from one loopback client: the per-client rate limit would measure itself.
      httpPolicy: { ...DEFAULT_HTTP_POLICY, RATE_LIMIT_PER_SECOND: 0 },
      onQuery: (event) => recording?.push({ cypher: event.cypher, params: event.params }),
    });
    const api = await listen(createServer(yoga), GRAPHQL_PATH);
    servers.push(api);
    const neo4jGraphql = opts.neo4jGraphql && opts.only.includes('hop1') ? await startNeo4jGraphql(driver) : undefined;
    if (neo4jGraphql) servers.push(neo4jGraphql);
    console.log(`Steppe API at ${api.url}${neo4jGraphql ? `; @neo4j/graphql at ${neo4jGraphql.url}` : ''}`);

    // One sequential pass over every request: checks that none fails, records the store's Cypher
    // for the raw baseline, describes the workload, and warms both Neo4j and the API up.
    const post = async (url: string, body: string) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
      return res.text();
    };
    const recorded: Partial<Record<Operation, RecordedRequest[]>> = {};
    const descriptions: string[] = [];
    for (const op of opts.only) {
      t = performance.now();
      const facts: ResponseFacts[] = [];
      const requests: RecordedRequest[] = [];
      for (const body of workload.bodies[op]) {
        recording = [];
        facts.push(responseFacts(op, await post(api.url, body)));
        requests.push(recording);
        recording = undefined;
      }
      recorded[op] = requests;
      const statements = requests.reduce((a, r) => a + r.length, 0) / requests.length;
      const line = `${OPERATION_LABELS[op]}: ${requests.length} distinct requests; ${describeFacts(op, facts, statements)}`;
      descriptions.push(line);
      console.log(`  ${line} (checked in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
    const neo4jGraphqlBodies = workload.hop1Ids.map((id) =>
      JSON.stringify({ query: neo4jGraphqlOneHopQuery(), variables: { id, generation: workload.generation, first: opts.limit } }),
    );
    if (neo4jGraphql) {
      for (const [kind, url, bodies, label] of [
        ['star', api.url, workload.starBodies, 'Steppe star 1-hop (entity.relations)'],
        ['neo4j-graphql', neo4jGraphql.url, neo4jGraphqlBodies, '@neo4j/graphql star 1-hop (every relation type)'],
      ] as const) {
        t = performance.now();
        const facts: ResponseFacts[] = [];
        for (const body of bodies) facts.push(responseFacts(kind, await post(url, body)));
        const line = `${label}: same start entities; ${describeFacts(kind, facts)}`;
        descriptions.push(line);
        console.log(`  ${line} (checked in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
      }
    }

    if (opts.profile) {
      console.log('\nPROFILE of the store’s Cypher:');
      for (const op of opts.only) {
        for (const line of await profileRequests(driver, OPERATION_LABELS[op], recorded[op]!, 30)) console.log(`  ${line}`);
      }
    }

    client = new LoadClient();
    const offsets = new Map<string, number>();
    const loadSamples: number[] = [];
    const sampler = setInterval(() => loadSamples.push(os.loadavg()[0]!), 1_000);
    const run = async (op: Operation, server: Server, durationSec: number): Promise<Measurement> => {
      const key = `${op}/${server}`;
      const offset = offsets.get(key) ?? 0;
      const cpu0 = process.cpuUsage();
      const neo0 = processCpuMs(neo4jPid);
      let result: LoadResult;
      if (server === 'raw') {
        result = await runRawLoad(driver!, recorded[op]!, {
          connections: opts.connections,
          durationSec,
          offset,
          timeoutMs: QUERY_TIMEOUT_MS,
        });
      } else {
        const url = server === 'neo4j-graphql' ? neo4jGraphql!.url : api.url;
        const bodies = server === 'graphql' ? workload.bodies[op] : server === 'graphql-star' ? workload.starBodies : neo4jGraphqlBodies;
        result = await client!.run({ url, connections: opts.connections, durationSec, bodies, offset });
      }
      const cpu = process.cpuUsage(cpu0);
      const neo1 = processCpuMs(neo4jPid);
      offsets.set(key, offset + result.requests);
      return {
        op,
        server,
        latencies: result.latencies,
        requests: result.requests,
        errors: result.errors,
        firstError: result.firstError,
        elapsedMs: result.elapsedMs,
        bytes: result.bytes,
        apiCpuMs: (cpu.user + cpu.system) / 1000,
        neo4jCpuMs: neo0 !== undefined && neo1 !== undefined ? neo1 - neo0 : undefined,
        clientCpuMs: result.clientCpuMs,
      };
    };

    const slice = opts.duration / opts.rounds;
    const results: Measurement[] = [];
    /** Every round's measurement, to give each ratio's spread over rounds. */
    const roundsOf = new Map<string, Measurement[]>();
    console.log(
      `\nMeasuring: ${opts.connections} concurrent connections, ${opts.duration} s per operation and server in ${opts.rounds} alternating round(s), after ${opts.warmup} s of warm-up each …`,
    );
    for (const op of opts.only) {
      const targets: Server[] = op === 'hop1' && neo4jGraphql ? ['graphql', 'raw', 'graphql-star', 'neo4j-graphql'] : ['graphql', 'raw'];
      if (opts.warmup > 0) for (const server of targets) await run(op, server, opts.warmup);
      const merged = new Map<Server, Measurement>();
      for (let round = 0; round < opts.rounds; round++) {
        for (const server of round % 2 === 0 ? targets : [...targets].reverse()) {
          const m = await run(op, server, slice);
          merged.set(server, merge(merged.get(server), m));
          roundsOf.set(`${op}/${server}`, [...(roundsOf.get(`${op}/${server}`) ?? []), m]);
        }
      }
      for (const server of targets) {
        const m = merged.get(server)!;
        results.push(m);
        const s = summarise(m.latencies);
        console.log(
          `  ${OPERATION_LABELS[op].padEnd(20)} ${SERVER_LABELS[server].padEnd(20)} ${(m.requests / (m.elapsedMs / 1000)).toFixed(0).padStart(5)} req/s  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)} ms${m.errors ? `  ${m.errors} ERRORS: ${m.firstError}` : ''}`,
        );
      }
    }
    clearInterval(sampler);
    const loadAtEnd = loadAverage();

    // ---- Report ----
    const summaries = new Map<string, LatencySummary>();
    for (const m of results) summaries.set(`${m.op}/${m.server}`, summarise(m.latencies));
    const header = [
      'operation',
      'server',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'errors',
      'KB/resp',
      'API CPU ms/req',
      'Neo4j CPU ms/req',
      'p95 target',
    ];
    const rows = results.map((m) => {
      const s = summaries.get(`${m.op}/${m.server}`)!;
      const ok = m.requests - m.errors;
      const target = m.server === 'graphql' ? `≤ ${P95_TARGETS[m.op]} ${s.p95 <= P95_TARGETS[m.op] ? 'met' : 'MISSED'}` : '';
      return [
        OPERATION_LABELS[m.op],
        SERVER_LABELS[m.server],
        (m.requests / (m.elapsedMs / 1000)).toFixed(0),
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        ms(s.max, 0),
        String(m.errors),
        m.server === 'raw' ? '' : (m.bytes / Math.max(ok, 1) / 1024).toFixed(1),
        ms(m.apiCpuMs / Math.max(m.requests, 1), 2),
        m.neo4jCpuMs === undefined ? '' : ms(m.neo4jCpuMs / Math.max(m.requests, 1), 2),
        target,
      ];
    });

    const ratioLines: string[] = [];
    /** p50 ratio a/b pooled over all rounds, and its range over the rounds (each round runs a and b back to back). */
    const p50Ratio = (op: Operation, a: Server, b: Server) => {
      const sa = summaries.get(`${op}/${a}`);
      const sb = summaries.get(`${op}/${b}`);
      if (!sa || !sb) return undefined;
      const ra = roundsOf.get(`${op}/${a}`) ?? [];
      const rb = roundsOf.get(`${op}/${b}`) ?? [];
      const perRound = ra.map((m, i) => summarise(m.latencies).p50 / summarise(rb[i]!.latencies).p50);
      return { sa, sb, pooled: sa.p50 / sb.p50, min: Math.min(...perRound), max: Math.max(...perRound) };
    };
    const range = (r: { min: number; max: number }) => `rounds ${r.min.toFixed(2)}–${r.max.toFixed(2)}`;
    for (const op of opts.only) {
      const r = p50Ratio(op, 'graphql', 'raw');
      if (r) {
        ratioLines.push(
          `${OPERATION_LABELS[op]}: GraphQL / raw Cypher latency — p50 ${r.pooled.toFixed(2)} (${range(r)}), p95 ${(r.sa.p95 / r.sb.p95).toFixed(2)}, mean ${(r.sa.mean / r.sb.mean).toFixed(2)}` +
            (op === 'hop1' ? `; target ≤ 1.15 on p50: ${r.pooled <= 1.15 ? 'met' : 'MISSED'}` : ''),
        );
      }
    }
    const rate = (server: Server) => {
      const m = results.find((x) => x.op === 'hop1' && x.server === server);
      return m ? m.requests / (m.elapsedMs / 1000) : Number.NaN;
    };
    for (const [steppe, what] of [
      ['graphql', 'Steppe neighbourhood(depth: 1)'],
      ['graphql-star', 'Steppe star (entity.relations)'],
    ] as const) {
      const r = p50Ratio('hop1', 'neo4j-graphql', steppe);
      if (r) {
        ratioLines.push(
          `1-hop: @neo4j/graphql star / ${what} latency — p50 ${r.pooled.toFixed(2)} (${range(r)}), p95 ${(r.sa.p95 / r.sb.p95).toFixed(2)}; ` +
            `throughput ${what} / @neo4j/graphql ${(rate(steppe) / rate('neo4j-graphql')).toFixed(2)} (> 1: Steppe is faster)`,
        );
      }
    }
    const loadDuring =
      loadSamples.length > 0
        ? `${Math.min(...loadSamples).toFixed(2)}–${Math.max(...loadSamples).toFixed(2)} (mean ${(loadSamples.reduce((a, b) => a + b, 0) / loadSamples.length).toFixed(2)})`
        : 'n/a';

    console.log('');
    console.log(textTable(header, rows));
    console.log('');
    for (const line of ratioLines) console.log(line);
    console.log(
      `\nload average (1 min) while measuring: ${loadDuring}; at start ${loadAtStart}, at end ${loadAtEnd} (1/5/15 min); ${os.cpus().length} cores`,
    );
    console.log(
      'CPU ms/req: CPU time per request of the bench process (API server or, for raw, the driver) and of the Neo4j JVM; the load generator runs in its own process.',
    );

    if (opts.record) {
      const command = `npm run bench:api${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
      const block = [
        `Run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: \`${command}\``,
        '',
        `- Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, shared with colleagues; ` +
          `load average (1 min) while measuring ${loadDuring}; at start ${loadAtStart}, at end ${loadAtEnd} (1/5/15 min).`,
        `- Neo4j: ${external ? `NEO4J_URI (${external.uri})` : `local Community 5.26, heap ${opts.heap}, page cache ${opts.pageCache}`}; graph "${opts.graph}", ${workload.entityCount.toLocaleString('en-US')} synthetic entities, ~${(opts.entities * 10).toLocaleString('en-US')} relations.`,
        `- Load: autocannon, ${opts.connections} connections, closed loop, ${opts.duration} s per operation and server in ${opts.rounds} alternating rounds after ${opts.warmup} s warm-up; ${opts.sample} distinct requests per operation (seed ${opts.seed}), neighbourhood limit ${opts.limit}, path maxHops ${opts.maxHops}, search first 20.`,
        ...descriptions.map((d) => `- ${d}`),
        '',
        markdownTable(header, rows),
        '',
        ...ratioLines.map((l) => `- ${l}`),
      ].join('\n');
      recordInBenchmarks(block);
      console.log(`\nRecorded in ${path.relative(process.cwd(), BENCHMARKS_FILE)} (section "API").`);
    }
  } finally {
    client?.close();
    for (const server of servers) await server.close();
    await driver?.close();
    await local?.stop();
  }
}

const BEGIN = '<!-- bench:api:begin (written by `npm run bench:api -- --record`) -->';
const END = '<!-- bench:api:end -->';

/** Replaces the generated part of BENCHMARKS.md's "API" section, leaving everything else as it is. */
function recordInBenchmarks(block: string) {
  let text = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : '# Benchmarks\n';
  const generated = `${BEGIN}\n${block}\n${END}`;
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin >= 0 && end > begin) {
    text = text.slice(0, begin) + generated + text.slice(end + END.length);
  } else if (/^## API\s*$/m.test(text)) {
    text = text.replace(/^## API\s*$/m, (heading) => `${heading}\n\n${generated}`);
  } else {
    text = `${text.trimEnd()}\n\n## API\n\n${generated}\n`;
  }
  writeFileSync(BENCHMARKS_FILE, text);
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
