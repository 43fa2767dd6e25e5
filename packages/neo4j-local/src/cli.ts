import { Command, InvalidArgumentError, Option } from 'commander';
import { ensureLauncherBuilt } from './build';
import { DEFAULT_DEV_PASSWORD, neo4jConnectionFromEnv } from './connection';
import { Neo4jLocalError, PortInUseError } from './errors';
import type { JitMode } from './jvm';
import { startLocalNeo4j, type LocalNeo4j } from './start';
import { neo4jStatus, stopRunningNeo4j } from './status';

export const DEFAULT_CLI_PORT = 7687;

export const EXIT_FAILURE = 1;
/** `status`: not running (the LSB convention). `start`: the port is taken. */
export const EXIT_NOT_RUNNING = 3;
export const EXIT_PORT_IN_USE = 3;

const parsePort = (raw: string): number => {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected 0-65535');
  return port;
};
const parseSeconds = (raw: string): number => {
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('expected a positive number of seconds');
  return seconds;
};

const dataDirOption = () =>
  new Option('-d, --data-dir <dir>', 'Neo4j home (store and logs) [default: <repo>/.neo4j/data]').env('NEO4J_DATA_DIR');

export function buildProgram(): Command {
  const program = new Command('steppe-neo4j')
    .description('Run a local Neo4j Community 5.26 (embedded, Bolt on 127.0.0.1) for Steppe development and tests.')
    .showHelpAfterError();

  program
    .command('start')
    .description('build if needed, start Neo4j in the foreground and stop it on Ctrl-C / SIGTERM')
    .addOption(
      new Option('-p, --port <port>', 'Bolt port (0 = any free port)').env('NEO4J_PORT').argParser(parsePort).default(DEFAULT_CLI_PORT),
    )
    .addOption(dataDirOption())
    .addOption(new Option('--heap <size>', 'JVM max heap, e.g. 512m or 4g [default: 512m]').env('NEO4J_HEAP'))
    .addOption(new Option('--page-cache <size>', 'page cache size [default: 256m]').env('NEO4J_PAGECACHE'))
    .addOption(new Option('--tx-timeout <duration>', 'transaction timeout, e.g. 30s [default: none]').env('NEO4J_TX_TIMEOUT'))
    .addOption(
      new Option('--password <password>', "the neo4j user's password (min. 8 chars)").env('NEO4J_PASSWORD').default(DEFAULT_DEV_PASSWORD),
    )
    .addOption(new Option('--no-auth', 'run without authentication'))
    .addOption(
      new Option('--jit <mode>', 'full (servers, benchmarks) or quick (faster start, slower peak)')
        .env('NEO4J_JIT')
        .choices(['full', 'quick'])
        .default('full'),
    )
    .addOption(new Option('--timeout <seconds>', 'give up if not ready after this long').argParser(parseSeconds).default(120))
    .option('-v, --verbose', "print the JVM's output and build progress")
    .action(startCommand);

  program
    .command('stop')
    .description('stop the instance running on the data dir (started from any terminal)')
    .addOption(dataDirOption())
    .addOption(new Option('--timeout <seconds>', 'SIGKILL if still running after this long').argParser(parseSeconds).default(30))
    .action(async (options: { dataDir?: string; timeout: number }) => {
      const result = await stopRunningNeo4j({ dataDir: options.dataDir, timeoutMs: options.timeout * 1000 });
      if (!result.wasRunning) console.log('Neo4j is not running.');
      else console.log(`Stopped Neo4j (pid ${result.pid})${result.killed ? ' by SIGKILL after it ignored SIGTERM' : ''}.`);
    });

  program
    .command('status')
    .description(`is it running, with which pid and URI (exit code ${EXIT_NOT_RUNNING} when not running)`)
    .addOption(dataDirOption())
    .option('--json', 'machine-readable output')
    .action(async (options: { dataDir?: string; json?: boolean }) => {
      const status = await neo4jStatus({ dataDir: options.dataDir });
      const external = neo4jConnectionFromEnv();
      if (options.json) {
        console.log(JSON.stringify({ ...status, externalUri: external?.uri }, null, 2));
      } else {
        if (external) console.log(`NEO4J_URI is set: Steppe uses the external Neo4j at ${external.uri}.`);
        if (status.instance) {
          const { instance } = status;
          console.log(`Neo4j is running (pid ${instance.pid}, started ${instance.startedAt} by pid ${instance.ownerPid})`);
          console.log(`  uri:      ${instance.uri}${status.boltReachable ? '' : ' (not accepting connections yet)'}`);
          console.log(`  user:     ${instance.auth ? instance.user : '(auth disabled)'}`);
          console.log(`  data dir: ${instance.dataDir}`);
        } else {
          console.log(`Neo4j is not running (data dir ${status.dataDir}).`);
        }
      }
      if (!status.running) process.exitCode = EXIT_NOT_RUNNING;
    });

  program
    .command('build')
    .description('build the Java launcher with Maven (done automatically by start)')
    .option('--force', 'rebuild even if up to date')
    .action(async (options: { force?: boolean }) => {
      const started = Date.now();
      const build = await ensureLauncherBuilt({ force: options.force, onLog: (line) => console.error(line) });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(build.built ? `Built the Neo4j launcher in ${seconds} s.` : 'The Neo4j launcher is up to date.');
      if (!build.classDataArchive) console.log('No class-data archive: starts work but take longer.');
    });

  return program;
}

interface StartCommandOptions {
  port: number;
  dataDir?: string;
  heap?: string;
  pageCache?: string;
  txTimeout?: string;
  password: string;
  auth: boolean;
  jit: JitMode;
  timeout: number;
  verbose?: boolean;
}

async function startCommand(options: StartCommandOptions): Promise<void> {
  const external = neo4jConnectionFromEnv();
  if (external) {
    console.log(`NEO4J_URI is set: using the external Neo4j at ${external.uri} (user ${external.user}); not starting a local one.`);
    return;
  }
  const onLog = (line: string) => {
    if (options.verbose || line.startsWith('steppe-neo4j:')) console.error(line);
  };
  console.error('Starting Neo4j...');
  const neo4j = await startLocalNeo4j({
    port: options.port,
    dataDir: options.dataDir,
    heap: options.heap,
    pageCache: options.pageCache,
    txTimeout: options.txTimeout,
    password: options.password,
    auth: options.auth,
    jit: options.jit,
    startTimeoutMs: options.timeout * 1000,
    onLog,
  });
  printStarted(neo4j);
  await runUntilSignalled(neo4j);
}

function printStarted(neo4j: LocalNeo4j): void {
  console.log(`Neo4j is ready in ${(neo4j.startupMs / 1000).toFixed(1)} s (pid ${neo4j.pid}).`);
  console.log(`  NEO4J_URI=${neo4j.uri}`);
  if (neo4j.password === undefined) {
    console.log('  (authentication disabled)');
  } else {
    console.log(`  NEO4J_USER=${neo4j.user}`);
    console.log(`  NEO4J_PASSWORD=${neo4j.password}`);
  }
  console.log(`  data: ${neo4j.dataDir} (Neo4j's logs in its logs/ folder)`);
  console.log('Press Ctrl-C to stop.');
}

function runUntilSignalled(neo4j: LocalNeo4j): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        // A second Ctrl-C means "now": the JVM is killed, the store recovers on the next start.
        process.kill(neo4j.pid, 'SIGKILL');
        return;
      }
      stopping = true;
      console.error(`\n${signal}: stopping Neo4j (Ctrl-C again to kill it)...`);
      void neo4j.stop();
    };
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const signal of signals) process.on(signal, onSignal);
    void neo4j.exited.then(({ code, signal }) => {
      for (const s of signals) process.removeListener(s, onSignal);
      // 143 = the JVM's exit after SIGTERM, e.g. from `steppe-neo4j stop` in another terminal.
      const clean = stopping || code === 0 || code === 143 || signal === 'SIGTERM';
      console.error(clean ? 'Neo4j stopped.' : `Neo4j exited unexpectedly (${signal ?? `exit code ${code}`}).`);
      if (!clean) process.exitCode = EXIT_FAILURE;
      resolve();
    });
  });
}

export async function main(argv: readonly string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof Neo4jLocalError) {
      console.error(`steppe-neo4j: ${error.message}`);
      process.exitCode = error instanceof PortInUseError ? EXIT_PORT_IN_USE : EXIT_FAILURE;
      return;
    }
    throw error;
  }
}
