import { Command, InvalidArgumentError } from 'commander';
import { testAll } from './test-run';
import { up } from './up';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('must be a port number (1–65535)');
  return n;
}

const program = new Command('steppe-stack').description('Run Steppe: the whole stack, or the whole test suite.');

program
  .command('up')
  .description('Start Neo4j (unless NEO4J_URI is set), seed the graph, and serve the API and the explorer.')
  .option('--dev', 'serve the web app with `next dev` (hot reload) instead of the production build', false)
  .option('--api-port <port>', 'API port', port, Number(process.env.STEPPE_API_PORT ?? 4000))
  .option('--web-port <port>', 'web app port', port, Number(process.env.STEPPE_WEB_PORT ?? 3000))
  .option('--neo4j-port <port>', 'Bolt port of the local Neo4j', port, Number(process.env.NEO4J_PORT ?? 7687))
  .option('--graph <name>', 'logical graph to seed and serve', process.env.STEPPE_GRAPH ?? 'steppe')
  .action(async (opts: { dev: boolean; apiPort: number; webPort: number; neo4jPort: number; graph: string }) => {
    await up(opts);
  });

program
  .command('test')
  .description('Run every test (unit, integration against a real Neo4j, browser) and print "N passed, N failed".')
  .allowUnknownOption(true)
  .argument('[jestArgs...]', 'extra arguments for jest, e.g. a path pattern')
  .action(async (jestArgs: string[]) => {
    process.exitCode = await testAll(jestArgs);
  });

program.parseAsync(process.argv).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
