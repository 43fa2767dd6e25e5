/**
 * `npm run bench:export`: peak memory of a 50,000-entity export, through the
 * API (GET /export on a running API process) and through the CLI, per format.
 * Exports stream, so the peak should stay far below the size of the file.
 *
 * Uses NEO4J_URI, else the local Neo4j on bolt://127.0.0.1:7687. Loads the
 * synthetic graph first when it is missing:
 *   node graph-seed/bin/steppe-seed.js --synthetic 50000 --graph exp-bench
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { createDriver, createExportReader } from '@steppe/graph-store';
import { DEFAULT_DEV_PASSWORD, neo4jConnectionFromEnv } from '@steppe/neo4j-local';
import { EXPORT_LIMITS } from './args';

const API_DIR = path.resolve(__dirname, '../..');
const REPO = path.resolve(API_DIR, '../..');
/** The synthetic generator's first entity of each kind: the hubs of its heavy-tailed degree distribution. */
const HUBS = ['syn-person-0', 'syn-organisation-1', 'syn-place-2', 'syn-event-3'];

interface Options {
  entities: number;
  graph: string;
  formats: string;
  depth: number;
  heap?: number;
}

/** Preloaded into each measured process: prints its peak RSS (getrusage) when it exits. */
const PEAK_PRELOAD = `process.on('exit', () => process.stderr.write('\\nPEAK_RSS_KB ' + process.resourceUsage().maxRSS + '\\n'));`;

function peakOf(stderr: string): number {
  const m = /PEAK_RSS_KB (\d+)/.exec(stderr);
  if (!m) throw new Error(`no peak reported:\n${stderr.slice(-2000)}`);
  return Number(m[1]) / 1024;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function collect(child: ChildProcess): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code: code ?? 1, stderr })));
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function ensureGraph(opts: Options, env: NodeJS.ProcessEnv) {
  const conn = neo4jConnectionFromEnv() ?? {
    uri: 'bolt://127.0.0.1:7687',
    user: 'neo4j',
    password: process.env.NEO4J_PASSWORD || DEFAULT_DEV_PASSWORD,
  };
  const driver = createDriver(conn);
  try {
    const { records } = await driver.executeQuery('MATCH (sg:SteppeGraph {name: $graph}) RETURN sg.entities AS n', { graph: opts.graph });
    const have = Number(records[0]?.get('n') ?? 0);
    if (have !== opts.entities) {
      console.log(`Loading the synthetic graph: node graph-seed/bin/steppe-seed.js --synthetic ${opts.entities} --graph ${opts.graph}`);
      const seed = spawn(
        process.execPath,
        ['graph-seed/bin/steppe-seed.js', '--synthetic', String(opts.entities), '--graph', opts.graph, '--force'],
        { cwd: REPO, env, stdio: 'inherit' },
      );
      const code = await new Promise<number | null>((resolve) => seed.once('exit', resolve));
      if (code !== 0) throw new Error('Loading the synthetic graph failed.');
    }
    const reader = createExportReader({ driver, graph: opts.graph, timeoutMs: EXPORT_LIMITS.timeoutMs });
    const traversal = await reader.traverse(HUBS, { depth: opts.depth, limit: 100_000 });
    const relations = await reader.relationCount(traversal.generation, traversal.nodeIds);
    return { entities: traversal.nodeIds.length, relations, uri: conn.uri };
  } finally {
    await driver.close();
  }
}

async function main() {
  const opts = new Command('bench:export')
    .option('--entities <n>', 'entities in the synthetic graph', (v) => Number(v), 50_000)
    .option('--graph <name>', 'graph to export from', 'exp-bench')
    .option('--formats <list>', 'formats to measure', 'graphml,json,csv')
    .option('--depth <n>', 'hops from the hubs', (v) => Number(v), 3)
    .option('--heap <mb>', 'also run with V8 old space capped at this size (MB), to show what an export retains', (v) => Number(v))
    .parse(process.argv)
    .opts<Options>();

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'steppe-bench-export-'));
  const preload = path.join(scratch, 'peak.cjs');
  writeFileSync(preload, PEAK_PRELOAD);
  const env = { ...process.env, LOG_LEVEL: 'warn' };
  try {
    const size = await ensureGraph(opts, env);
    const args = `ids=${HUBS.join(',')}&depth=${opts.depth}`;
    console.log(`Neo4j ${size.uri}, graph "${opts.graph}": export of ${size.entities} entities and ${size.relations} relations (${args})`);
    const loadAtStart = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ');
    const rows: string[] = [];
    const heaps: (number | undefined)[] = [undefined, ...(opts.heap ? [opts.heap] : [])];
    for (const heap of heaps) {
      const nodeOptions = [`--require ${preload}`, heap ? `--max-old-space-size=${heap}` : ''].filter(Boolean).join(' ');
      for (const format of opts.formats.split(',')) {
        // CLI
        const out = path.join(scratch, `export.${format}`);
        let started = performance.now();
        const cli = spawn(
          process.execPath,
          [
            'apps/api/bin/steppe-export.js',
            '--graph',
            opts.graph,
            '--ids',
            HUBS.join(','),
            '--depth',
            String(opts.depth),
            '--format',
            format,
            '--out',
            out,
          ],
          {
            cwd: REPO,
            env: { ...env, NODE_OPTIONS: nodeOptions },
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        const cliRun = await collect(cli);
        if (cliRun.code !== 0) throw new Error(`CLI failed:\n${cliRun.stderr}`);
        const cliSeconds = (performance.now() - started) / 1000;
        const bytes = statSync(out).size;
        rmSync(out);

        // API: a fresh process per format, so each peak is that export's.
        const port = await freePort();
        const api = spawn(process.execPath, ['-r', 'tsx/cjs', 'src/main.ts'], {
          cwd: API_DIR,
          env: { ...env, NODE_OPTIONS: nodeOptions, PORT: String(port), STEPPE_GRAPH: opts.graph, REQUEST_TIMEOUT_MS: '300000' },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        const apiExit = collect(api);
        const base = `http://127.0.0.1:${port}`;
        for (let i = 0; ; i++) {
          try {
            if ((await fetch(`${base}/healthz`)).ok) break;
          } catch {
            if (i > 200) throw new Error('the API did not start');
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        // One small export first, so that the idle figure includes the loaded export code.
        await (await fetch(`${base}/export?format=${format}&ids=${HUBS[0]}&depth=0`)).arrayBuffer();
        const idle = rssMb(api.pid!);
        started = performance.now();
        const res = await fetch(`${base}/export?format=${format}&${args}`);
        if (!res.ok) throw new Error(`API answered ${res.status}: ${await res.text()}`);
        let received = 0;
        const reader = res.body!.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          received += value.byteLength;
        }
        const apiSeconds = (performance.now() - started) / 1000;
        api.kill('SIGTERM');
        const apiRun = await apiExit;
        const mb = (n: number) => `${n.toFixed(0)} MiB`;
        rows.push(
          `| ${format} | ${heap ? `${heap} MB` : 'default'} | ${mb(bytes / 1_048_576)} | ${mb(peakOf(cliRun.stderr))} | ${cliSeconds.toFixed(0)} s | ${mb(idle)} | ${mb(peakOf(apiRun.stderr))} | ${apiSeconds.toFixed(0)} s |`,
        );
        // The API's copy also records its own URL: a few bytes more. Anything else would be a bug.
        if (Math.abs(received - bytes) > 1_000) console.warn(`the API sent ${received} bytes, the CLI wrote ${bytes}`);
        console.log(rows.at(-1));
      }
    }
    console.log(`\n${size.entities} entities, ${size.relations} relations; peak RSS of the whole process (getrusage maxrss).`);
    console.log(
      `Node ${process.version}, ${os.cpus().length} cores; load average (1/5/15 min) at start ${loadAtStart}, at end ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}.`,
    );
    console.log('| format | V8 heap cap | file | CLI peak RSS | CLI time | API RSS before | API peak RSS | API time |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
