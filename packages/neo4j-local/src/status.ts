import path from 'node:path';
import { defaultDataDir, pidFileFor } from './paths';
import { readPidFile, removePidFile, type PidFileContent } from './pidfile';
import { canConnect } from './ports';
import { isLauncherProcess, waitForProcessExit } from './processes';

export interface Neo4jStatus {
  running: boolean;
  dataDir: string;
  pidFile: string;
  /** The pid file's content while the instance it describes is alive. */
  instance?: PidFileContent;
  /** Whether the Bolt port accepts TCP connections (false while Neo4j is still starting or stopping). */
  boltReachable?: boolean;
  /** A pid file was left behind by an instance that is gone (it is removed by this call). */
  stalePidFileRemoved: boolean;
}

export interface LocateOptions {
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
}

/** Finds the instance for a data dir through its pid file, e.g. one started from another terminal. */
export async function neo4jStatus(options: LocateOptions = {}): Promise<Neo4jStatus> {
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir(options.env));
  const pidFile = pidFileFor(dataDir);
  const content = readPidFile(dataDir);
  if (!content) return { running: false, dataDir, pidFile, stalePidFileRemoved: false };
  if (!isLauncherProcess(content.pid)) {
    removePidFile(dataDir, content.pid);
    return { running: false, dataDir, pidFile, stalePidFileRemoved: true };
  }
  return {
    running: true,
    dataDir,
    pidFile,
    instance: content,
    boltReachable: await canConnect(content.port),
    stalePidFileRemoved: false,
  };
}

export interface StopResult {
  /** Whether there was a live instance to stop. */
  wasRunning: boolean;
  pid?: number;
  /** It ignored SIGTERM for `timeoutMs` and was killed. */
  killed: boolean;
}

/**
 * Stops the instance recorded in the data dir's pid file by signalling the JVM directly, so it works
 * whoever started it; its owner sees the JVM exit and cleans up after itself.
 */
export async function stopRunningNeo4j(options: LocateOptions & { timeoutMs?: number } = {}): Promise<StopResult> {
  const status = await neo4jStatus(options);
  if (!status.instance) return { wasRunning: false, killed: false };
  const { pid } = status.instance;
  signal(pid, 'SIGTERM');
  let killed = false;
  if (!(await waitForProcessExit(pid, options.timeoutMs ?? 30_000))) {
    signal(pid, 'SIGKILL');
    killed = true;
    await waitForProcessExit(pid, 10_000);
  }
  removePidFile(status.dataDir, pid);
  return { wasRunning: true, pid, killed };
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
