/**
 * `npm run bench:soak`: holds many concurrent clients (default 100) on a mix of
 * search, 1-hop, 2-hop, shortest paths and JSON exports for a while (default
 * 5 minutes) against the synthetic 20,000-entity graph, and prints errors,
 * p50/p99 per operation and the API process's memory (RSS) over time.
 * Target (issue 16): 0 errors, memory flat after warm-up.
 *
 * The API runs as its own process (`src/main.ts`, as `npm start` runs it), so its
 * RSS is the API's alone; the clients run here, each a closed loop (the next
 * request leaves when the previous answer is complete) over keep-alive sockets.
 * The per-client rate limit is off (every client is this one loopback address);
 * the export queue keeps its defaults, so a full queue answers 503 and is counted
 * apart ("shed"), not as an error. A benchmark, not a test: it asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDriver } from '@steppe/graph-store';
import { neo4jConnectionFromEnv, startLocalNeo4j, type LocalNeo4j, type Neo4jConnection } from '@steppe/neo4j-local';
import { ms, prng, summarise } from './stats';
import { buildWorkload } from './workload';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SEEDER = path.join(REPO_ROOT, 'graph-seed/bin/steppe-seed.js');
const API_MAIN = path.join(__dirname, '../src/main.ts');

const HELP = `npm run bench:soak -- [options]

  --duration <s>      measured seconds (default 300)
  --clients <n>       concurrent clients, each a closed loop (default 100)
  --warmup <s>        seconds after which memory should stay flat (default 60; reported apart)
  --prewarm <n>       requests of each operation sent one at a time before the clients start (default 10),
                      as a deployment warms a server before it takes traffic; 0 measures a cold start
  --entities <n>      synthetic entities (default 20000; ~10 relations each)
  --graph <name>      logical graph (default "bench-<entities>")
  --sample-every <s>  seconds between memory/latency lines (default 15)
  --data-dir <dir>    store of the local Neo4j (default <tmp>/steppe-bench-api/neo4j, shared with bench:api)

Mix of operations (weights): search 35, 1-hop 30, 2-hop 15, shortest path 15, JSON export (1 hop) 5.
NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) use that Neo4j instead of starting one.`;

type Op = 'search' | 'hop1' | 'hop2' | 'path' | 'export';
const MIX: [Op, number][] = [
  ['search', 35],
  ['hop1', 30],
  ['hop2', 15],
  ['path', 15],
  ['export', 5],
];

interface Tally {
  latencies: number[];
  errors: number;
  shed: number;
  firstError?: string;
}

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '300' },
      clients: { type: 'string', default: '100' },
      warmup: { type: 'string', default: '60' },
      prewarm: { type: 'string', default: '10' },
      entities: { type: 'string', default: '20000' },
      graph: { type: 'string' },
      'sample-every': { type: 'string', default: '15' },
      'data-dir': { type: 'string', default: path.join(os.tmpdir(), 'steppe-bench-api', 'neo4j') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const int = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  const entities = int('entities', values.entities, 2);
  return {
    duration: int('duration', values.duration, 1),
    clients: int('clients', values.clients, 1),
    warmup: int('warmup', values.warmup, 0),
    prewarm: int('prewarm', values.prewarm, 0),
    entities,
    graph: values.graph ?? `bench-${entities}`,
    sampleEvery: int('sample-every', values['sample-every'], 1),
    dataDir: path.resolve(values['data-dir']),
  };
}

function seed(conn: Neo4jConnection, entities: number, graph: string): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: conn.uri, NEO4J_USER: conn.user };
  if (conn.password !== undefined) env.NEO4J_PASSWORD = conn.password;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SEEDER, '--synthetic', String(entities), '--graph', graph], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the seeder failed (exit code ${code})`))));
  });
}

/** The API as its own process, on a free port; resolves once /healthz answers. */
async function startApi(conn: Neo4jConnection, graph: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await new Promise<number>((resolve) => {
    const probe = http.createServer().listen(0, '127.0.0.1', () => {
      const p = (probe.address() as { port: number }).port;
      probe.close(() => resolve(p));
    });
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: conn.uri,
    NEO4J_USER: conn.user,
    NEO4J_PASSWORD: conn.password,
    STEPPE_GRAPH: graph,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    RATE_LIMIT_PER_SECOND: '0',
  };
  // The API's own log (errors with their stacks) goes to a file, so the figures stay readable.
  const log = openSync(path.join(os.tmpdir(), `steppe-soak-api-${process.pid}.log`), 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', API_MAIN], { env, stdio: ['ignore', log, log] });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (code ${child.exitCode})`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the API did not start within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** One request over the shared keep-alive agent: status and body. */
function request(agent: http.Agent, url: URL, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method: body === undefined ? 'GET' : 'POST',
        headers:
          body === undefined
            ? {}
            : { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
    req.end(body);
  });
}

async function main() {
  const opts = options();
  const external = neo4jConnectionFromEnv();
  let local: LocalNeo4j | undefined;
  let api: ChildProcess | undefined;
  const stop = async () => {
    api?.kill('SIGTERM');
    await local?.stop();
  };
  process.once('SIGINT', () => void stop().finally(() => process.exit(130)));
  try {
    console.log(
      `Steppe soak bench — ${os.cpus().length} cores, Node ${process.version}; load average at start ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')}`,
    );
    if (!external) {
      console.log(`Starting a local Neo4j (store ${opts.dataDir}) …`);
      local = await startLocalNeo4j({ port: 0, dataDir: opts.dataDir, heap: '2g', pageCache: '1g', jit: 'full' });
    }
    const conn: Neo4jConnection = external ?? local!;
    console.log(
      `Loading the synthetic graph (${opts.entities.toLocaleString('en-US')} entities) into "${opts.graph}" (skipped when already loaded) …`,
    );
    await seed(conn, opts.entities, opts.graph);

    const driver = createDriver(conn, { connectionTimeoutMs: 30_000 });
    const workload = await buildWorkload(driver, opts.graph, { seed: 11, sample: 500, limit: 100, maxHops: 4, searchFirst: 20 });
    await driver.close();
    const started = await startApi(conn, opts.graph);
    api = started.child;
    const graphqlUrl = new URL('/graphql', started.base);
    const exportUrls = workload.hop1Ids.map(
      (id) => new URL(`/export?format=json&depth=1&limit=100&ids=${encodeURIComponent(id)}`, started.base),
    );
    const bodies: Record<Exclude<Op, 'export'>, string[]> = {
      search: workload.bodies.search,
      hop1: workload.bodies.hop1,
      hop2: workload.bodies.hop2,
      path: workload.bodies.path,
    };
    console.log(`API log: ${path.join(os.tmpdir(), `steppe-soak-api-${process.pid}.log`)}`);
    console.log(
      `API pid ${api.pid} at ${started.base}, RSS ${rssMiB(api.pid!).toFixed(0)} MiB; ${opts.clients} clients for ${opts.duration} s …`,
    );

    const agent = new http.Agent({ keepAlive: true, maxSockets: opts.clients });
    // Before the clients: each operation a few times, one at a time, so that Neo4j has planned the statements and
    // read the graph's pages once. A cold start (plans compiled and pages read under 100 clients at once) is
    // another measurement: --prewarm 0.
    if (opts.prewarm > 0) {
      const warmStarted = performance.now();
      let warmErrors = 0;
      for (let i = 0; i < opts.prewarm; i++) {
        for (const op of ['search', 'hop1', 'hop2', 'path'] as const) {
          const res = await request(agent, graphqlUrl, bodies[op][i % bodies[op].length]!);
          if (res.status !== 200) warmErrors++;
        }
        if (i < 2) await request(agent, exportUrls[i % exportUrls.length]!);
      }
      console.log(
        `Pre-warmed with ${opts.prewarm} requests of each operation in ${((performance.now() - warmStarted) / 1000).toFixed(1)} s (${warmErrors} not 200).`,
      );
    }
    const totalWeight = MIX.reduce((s, [, w]) => s + w, 0);
    const tallies = new Map<Op, Tally>(MIX.map(([op]) => [op, { latencies: [], errors: 0, shed: 0 }]));
    let window: number[] = [];
    const samples: { t: number; rss: number; requests: number; errors: number; p50: number; p99: number; load: number }[] = [];
    const t0 = performance.now();
    const end = t0 + opts.duration * 1000;
    let requests = 0;
    let errors = 0;

    const client = async (index: number) => {
      const rand = prng(1000 + index);
      let n = index * 7;
      while (performance.now() < end) {
        let pick = rand() * totalWeight;
        const op = MIX.find(([, w]) => (pick -= w) < 0)?.[0] ?? 'search';
        const tally = tallies.get(op)!;
        const started = performance.now();
        try {
          const res =
            op === 'export'
              ? await request(agent, exportUrls[n++ % exportUrls.length]!)
              : await request(agent, graphqlUrl, bodies[op][n++ % bodies[op].length]!);
          const elapsed = performance.now() - started;
          requests++;
          if (op === 'export' && res.status === 503) {
            tally.shed++;
            continue;
          }
          const failed = res.status !== 200 || (op !== 'export' && /"errors"\s*:/.test(res.text.slice(0, 200)));
          if (failed) {
            tally.errors++;
            errors++;
            tally.firstError ??= `HTTP ${res.status}: ${res.text.slice(0, 200)}`;
          } else {
            tally.latencies.push(elapsed);
            window.push(elapsed);
          }
        } catch (error) {
          requests++;
          errors++;
          tally.errors++;
          tally.firstError ??= (error as Error).message;
        }
      }
    };

    const header = `${'t s'.padStart(5)} ${'requests'.padStart(9)} ${'errors'.padStart(7)} ${'req/s'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'API RSS MiB'.padStart(12)} ${'load'.padStart(6)}`;
    console.log(header);
    let lastRequests = 0;
    let lastT = 0;
    const sampler = setInterval(() => {
      const t = (performance.now() - t0) / 1000;
      const s = summarise(window.length > 0 ? window : [Number.NaN]);
      const sample = { t, rss: rssMiB(api!.pid!), requests, errors, p50: s.p50, p99: s.p99, load: os.loadavg()[0]! };
      samples.push(sample);
      console.log(
        `${t.toFixed(0).padStart(5)} ${String(requests).padStart(9)} ${String(errors).padStart(7)} ${((requests - lastRequests) / (t - lastT)).toFixed(0).padStart(6)} ${ms(s.p50).padStart(8)} ${ms(s.p99).padStart(8)} ${sample.rss.toFixed(0).padStart(12)} ${sample.load.toFixed(2).padStart(6)}`,
      );
      lastRequests = requests;
      lastT = t;
      window = [];
    }, opts.sampleEvery * 1000);
    await Promise.all(Array.from({ length: opts.clients }, (_, i) => client(i)));
    clearInterval(sampler);
    agent.destroy();
    const elapsed = (performance.now() - t0) / 1000;

    console.log(
      `\n${opts.clients} clients, ${elapsed.toFixed(0)} s, ${requests} requests (${(requests / elapsed).toFixed(0)}/s), ${errors} errors`,
    );
    console.log(
      `${'operation'.padEnd(10)} ${'ok'.padStart(7)} ${'errors'.padStart(7)} ${'shed 503'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
    );
    for (const [op] of MIX) {
      const tally = tallies.get(op)!;
      const s = summarise(tally.latencies.length > 0 ? tally.latencies : [Number.NaN]);
      console.log(
        `${op.padEnd(10)} ${String(tally.latencies.length).padStart(7)} ${String(tally.errors).padStart(7)} ${String(tally.shed).padStart(9)} ${ms(s.p50).padStart(8)} ${ms(s.p99).padStart(8)}${tally.firstError ? `  first error: ${tally.firstError}` : ''}`,
      );
    }
    const all = summarise([...tallies.values()].flatMap((t) => t.latencies));
    console.log(`all        p50 ${ms(all.p50)} ms, p99 ${ms(all.p99)} ms`);
    const after = samples.filter((s) => s.t >= opts.warmup);
    if (after.length > 0) {
      const rss = after.map((s) => s.rss);
      console.log(
        `API RSS after ${opts.warmup} s of warm-up: first ${rss[0]!.toFixed(0)} MiB, last ${rss[rss.length - 1]!.toFixed(0)} MiB, min ${Math.min(...rss).toFixed(0)}, max ${Math.max(...rss).toFixed(0)} MiB (${after.length} samples)`,
      );
    }
    console.log(
      `load average at end ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')}`,
    );
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
