import { Command, InvalidArgumentError } from 'commander';
import { loadGraph, resetGraph, type GraphData } from '@steppe/graph-store';
import { connect } from './connection';
import { InvalidDatasetError, validatedDataset } from './seed';
import { formatIssues } from './dataset';
import { createProgressReporter } from './progress';
import { syntheticGraph } from './synthetic';

interface Options {
  graph: string;
  data?: string;
  seeds?: string;
  dryRun: boolean;
  reset: boolean;
  yes: boolean;
  force: boolean;
  synthetic?: number;
  randomSeed: number;
  batchSize: number;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

function graphName(value: string): string {
  if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(value)) {
    throw new InvalidArgumentError('use 1–63 lowercase letters, digits, "-" or "_"');
  }
  return value;
}

function countBy<T>(items: T[], key: (t: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

function printPlan(data: GraphData, graph: string) {
  console.log(`Plan for graph "${graph}":`);
  console.log(`  sources    ${data.sources.length}`);
  console.log(`  entities   ${data.entities.length} (${countBy(data.entities, (e) => e.kind)})`);
  console.log(`  relations  ${data.relations.length} (${countBy(data.relations, (r) => r.type)})`);
  console.log('  steps      constraints and indexes → load a new generation in batches (MERGE) → switch → remove the previous generation');
}

async function run(opts: Options) {
  const started = performance.now();

  if (opts.reset) {
    if (!opts.yes) {
      throw new Error(`--reset removes every record of graph "${opts.graph}" (and nothing else). Add --yes to confirm.`);
    }
    const { driver, uri } = await connect();
    try {
      const removed = await resetGraph(driver, opts.graph);
      console.log(`Removed graph "${opts.graph}" from ${uri} (${removed.length} generation(s)).`);
    } finally {
      await driver.close();
    }
    return;
  }

  let data: GraphData;
  if (opts.synthetic !== undefined) {
    data = syntheticGraph(opts.synthetic, opts.randomSeed);
  } else {
    const { data: curated, warnings } = await validatedDataset({ dataDir: opts.data, documentsDir: opts.seeds });
    if (warnings.length > 0) console.warn(formatIssues(warnings));
    data = curated;
  }

  if (opts.dryRun) {
    printPlan(data, opts.graph);
    console.log('Dry run: the data is valid and nothing was written.');
    return;
  }

  const { driver, uri } = await connect();
  const progress = createProgressReporter();
  try {
    const result = await loadGraph(driver, data, {
      graph: opts.graph,
      batchSize: opts.batchSize,
      force: opts.force,
      onProgress: (p) => progress.update(p),
    });
    progress.done();
    const seconds = (performance.now() - started) / 1000;
    const { counts } = result;
    if (result.skipped) {
      console.log(
        `Graph "${opts.graph}" at ${uri} already holds this data (${counts.entities} entities, ${counts.relations} relations): nothing to do. Use --force to reload.`,
      );
    } else {
      console.log(
        `Loaded graph "${opts.graph}" into ${uri}: ${counts.sources} sources, ${counts.entities} entities, ${counts.relations} relations in ${seconds.toFixed(1)} s.`,
      );
    }
  } finally {
    await driver.close();
  }
}

const program = new Command('steppe-seed')
  .description('Validate Steppe’s dataset and load it into Neo4j (NEO4J_URI, else the local Neo4j on bolt://127.0.0.1:7687).')
  .option('-g, --graph <name>', 'logical graph to load into', graphName, process.env.STEPPE_GRAPH ?? 'steppe')
  .option('--data <dir>', 'dataset folder (default: graph-seed/data)')
  .option('--seeds <dir>', 'folder of the source documents, <source id>.txt (default: <data>/documents)')
  .option('--dry-run', 'validate and print the plan; write nothing', false)
  .option('--reset', 'remove this graph’s data (only Steppe’s, only this graph); needs --yes', false)
  .option('-y, --yes', 'confirm --reset', false)
  .option('--force', 'reload even when the database already holds identical data', false)
  .option('--synthetic <n>', 'load a reproducible synthetic graph of n entities and about 10·n relations instead', positiveInt)
  .option('--random-seed <n>', 'seed of the synthetic generator', positiveInt, 42)
  .option('--batch-size <n>', 'rows per transaction', positiveInt, 5_000)
  .action(run);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof InvalidDatasetError) {
    console.error(error.message);
    console.error('Nothing was written.');
  } else {
    console.error((error as Error).message);
  }
  process.exit(1);
});
