import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureLauncherBuilt } from './build';
import { DEFAULT_NEO4J_USER, openNeo4jDriver, type Neo4jConnection } from './connection';
import { AlreadyRunningError, Neo4jLocalError, Neo4jStartError, PortInUseError } from './errors';
import { assertMemorySize, launcherCommandArgs, launcherEnv, splitJvmOptions, type JitMode } from './jvm';
import { EXIT_PORT_IN_USE, LauncherExitedError, spawnLauncher, type LauncherProcess } from './launcher-process';
import { defaultDataDir } from './paths';
import { readPidFile, removePidFile, writePidFile } from './pidfile';
import { findFreePort, isPortFree } from './ports';
import { isLauncherProcess, sleep } from './processes';

export const DEFAULT_START_TIMEOUT_MS = 120_000;
export const DEFAULT_STOP_TIMEOUT_MS = 30_000;
/** A free port picked by us can be grabbed by someone else before the JVM binds it. */
const AUTO_PORT_ATTEMPTS = 3;

export interface StartLocalNeo4jOptions {
  /** 0 or undefined: pick a free port. */
  port?: number;
  /** Neo4j's home: store, transaction logs and logs/ live inside. Default: NEO4J_DATA_DIR or `<repo>/.neo4j/data`. */
  dataDir?: string;
  /** JVM -Xmx. Default: NEO4J_HEAP or 512m. */
  heap?: string;
  /** server.memory.pagecache.size. Default: NEO4J_PAGECACHE or 256m. */
  pageCache?: string;
  /** db.transaction.timeout, e.g. "30s". Default: NEO4J_TX_TIMEOUT or none. */
  txTimeout?: string;
  /** Password for the `neo4j` user (min. 8 characters). Default: a random one, returned in the handle. */
  password?: string;
  /** False runs without authentication. Default true. */
  auth?: boolean;
  /** Default: NEO4J_JIT or `full`. See {@link JitMode}. */
  jit?: JitMode;
  /** Extra JVM options. Default: NEO4J_JVM_OPTS split on whitespace. */
  jvmOptions?: string[];
  /** From spawning the JVM to a verified Bolt connection. Does not include a first-time build. */
  startTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before it uses SIGKILL. */
  stopTimeoutMs?: number;
  /** Build progress and the JVM's output, line by line. Neo4j's own logs stay in `<dataDir>/logs`. */
  onLog?: (line: string) => void;
  /** Source of the NEO4J_* defaults and of PATH. Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface LocalNeo4j extends Neo4jConnection {
  /** The JVM's pid. */
  pid: number;
  port: number;
  dataDir: string;
  pidFile: string;
  /** From spawning the JVM to a verified Bolt connection. */
  startupMs: number;
  /** Resolves when the JVM has exited, whether through stop() or on its own. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Graceful shutdown; resolves once the JVM is gone. Safe to call more than once. */
  stop(): Promise<void>;
}

/** Starts Neo4j Community 5.26 in a child JVM and resolves once a driver can talk to it. */
export async function startLocalNeo4j(options: StartLocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const env = options.env ?? process.env;
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir(env));
  const auth = options.auth ?? true;
  const password = auth ? (options.password ?? randomBytes(18).toString('base64url')) : undefined;
  if (password !== undefined && password.length < 8) {
    throw new Neo4jLocalError('the Neo4j password must be at least 8 characters long (Neo4j refuses shorter ones)');
  }
  const requestedPort = options.port ?? 0;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw new Neo4jLocalError(`invalid port ${requestedPort}`);
  }

  const heap = options.heap ?? (env.NEO4J_HEAP || undefined);
  const pageCache = options.pageCache ?? (env.NEO4J_PAGECACHE || undefined);
  if (heap !== undefined) assertMemorySize(heap, 'heap size');
  if (pageCache !== undefined) assertMemorySize(pageCache, 'page cache size');

  assertNotAlreadyRunning(dataDir);
  // Before the (possibly minutes-long first) build, so a taken fixed port fails in milliseconds.
  if (requestedPort !== 0 && !(await isPortFree(requestedPort))) throw new PortInUseError(requestedPort);

  const build = await ensureLauncherBuilt({ onLog: options.onLog, env });
  fs.mkdirSync(dataDir, { recursive: true });

  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const jvmOptions = options.jvmOptions ?? splitJvmOptions(env.NEO4J_JVM_OPTS);
  const jit = options.jit ?? (env.NEO4J_JIT === 'quick' ? 'quick' : 'full');

  for (let attempt = 1; ; attempt++) {
    const port = requestedPort || (await findFreePort());
    const startedAt = Date.now();
    const launcher = spawnLauncher(
      build.javaPath,
      launcherCommandArgs({
        classpath: build.classpath,
        classDataArchive: build.classDataArchive,
        port,
        dataDir,
        auth,
        heap,
        pageCache,
        txTimeout: options.txTimeout ?? (env.NEO4J_TX_TIMEOUT || undefined),
        jit,
        extraJvmOptions: jvmOptions,
      }),
      // The data dir as working directory: a JVM crash writes its hs_err file next to Neo4j's logs.
      { env: launcherEnv(env, password), cwd: dataDir, onLog: options.onLog },
    );

    let uri: string;
    try {
      uri = await waitUntilServing(
        launcher,
        { user: DEFAULT_NEO4J_USER, password },
        { deadline: startedAt + timeoutMs, timeoutMs, dataDir },
      );
    } catch (error) {
      await launcher.stop(5_000);
      const portTaken = error instanceof LauncherExitedError && error.exit.code === EXIT_PORT_IN_USE;
      if (portTaken && requestedPort === 0 && attempt < AUTO_PORT_ATTEMPTS) continue;
      if (portTaken) throw new PortInUseError(port);
      if (error instanceof Neo4jStartError) throw error;
      throw new Neo4jStartError(`Neo4j failed to start: ${(error as Error).message}`, launcher.stderrTail(), {
        cause: error,
      });
    }
    return track(launcher, {
      uri,
      user: DEFAULT_NEO4J_USER,
      password,
      port,
      dataDir,
      startupMs: Date.now() - startedAt,
      stopTimeoutMs: options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS,
      onLog: options.onLog,
    });
  }
}

function assertNotAlreadyRunning(dataDir: string): void {
  const running = readPidFile(dataDir);
  if (!running) return;
  if (isLauncherProcess(running.pid)) throw new AlreadyRunningError(dataDir, running.pid, running.uri);
  removePidFile(dataDir, running.pid);
}

/**
 * The ready line means the default database is available; a driver round trip on top proves the
 * Bolt listener and the credentials work, which is what every caller actually needs.
 */
async function waitUntilServing(
  launcher: LauncherProcess,
  credentials: { user: string; password: string | undefined },
  { deadline, timeoutMs, dataDir }: { deadline: number; timeoutMs: number; dataDir: string },
): Promise<string> {
  const timeoutError = () =>
    new Neo4jStartError(
      `Neo4j did not become ready within ${timeoutMs / 1000} s; a busy machine may need a longer start timeout. ` +
        `Neo4j's own log: ${path.join(dataDir, 'logs', 'debug.log')}`,
      launcher.stderrTail(),
    );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), Math.max(0, deadline - Date.now()));
  });
  try {
    const uri = await Promise.race([launcher.ready, timeout]);
    const driver = openNeo4jDriver({ uri, ...credentials }, { maxConnectionPoolSize: 1, connectionTimeout: 5_000 });
    try {
      for (;;) {
        try {
          await Promise.race([driver.verifyConnectivity(), launcher.exited.then(() => launcher.ready), timeout]);
          return uri;
        } catch (error) {
          if (launcher.hasExited() || error instanceof Neo4jStartError || Date.now() >= deadline) throw error;
          await sleep(250);
        }
      }
    } finally {
      await driver.close();
    }
  } finally {
    clearTimeout(timer);
  }
}

function track(
  launcher: LauncherProcess,
  info: Neo4jConnection & {
    port: number;
    dataDir: string;
    startupMs: number;
    stopTimeoutMs: number;
    onLog?: (line: string) => void;
  },
): LocalNeo4j {
  const pidFile = writePidFile({
    pid: launcher.pid,
    ownerPid: process.pid,
    uri: info.uri,
    port: info.port,
    user: info.user,
    auth: info.password !== undefined,
    dataDir: info.dataDir,
    startedAt: new Date().toISOString(),
  });
  // If our process ends without stop(), the JVM follows via stdin EOF; the pid file must not outlive both.
  const removeOnExit = () => removePidFile(info.dataDir, launcher.pid);
  process.once('exit', removeOnExit);

  let stopping = false;
  const exited = launcher.exited.then(({ code, signal }) => {
    process.removeListener('exit', removeOnExit);
    removePidFile(info.dataDir, launcher.pid);
    if (!stopping) {
      info.onLog?.(`steppe-neo4j: Neo4j (pid ${launcher.pid}) exited unexpectedly (${signal ?? `exit code ${code}`})`);
    }
    return { code, signal };
  });

  return {
    uri: info.uri,
    user: info.user,
    password: info.password,
    pid: launcher.pid,
    port: info.port,
    dataDir: info.dataDir,
    pidFile,
    startupMs: info.startupMs,
    exited,
    async stop() {
      stopping = true;
      await launcher.stop(info.stopTimeoutMs);
      await exited;
    },
  };
}
