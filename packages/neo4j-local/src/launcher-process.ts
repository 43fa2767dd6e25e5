import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

/** Must match Neo4jLauncher.java. */
export const READY_MARKER = 'STEPPE_NEO4J_READY';
export const EXIT_USAGE = 2;
export const EXIT_PORT_IN_USE = 3;
export const EXIT_START_FAILED = 4;

const STDERR_TAIL_LINES = 30;

export interface LauncherExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be spawned at all (e.g. ENOENT). */
  error?: Error;
}

/** Rejected from `ready` when the JVM ends before printing the ready line. */
export class LauncherExitedError extends Error {
  constructor(readonly exit: LauncherExit) {
    super(
      exit.error
        ? `could not run java: ${exit.error.message}`
        : `the JVM exited before Neo4j was ready (${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`})`,
    );
  }
}

export interface LauncherProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves with the Bolt URI from the ready line. */
  readonly ready: Promise<string>;
  readonly exited: Promise<LauncherExit>;
  hasExited(): boolean;
  stderrTail(): string[];
  /** SIGTERM (the JVM's shutdown hook closes the store), then SIGKILL if it takes longer than `timeoutMs`. */
  stop(timeoutMs?: number): Promise<LauncherExit>;
}

export function spawnLauncher(
  javaPath: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; onLog?: (line: string) => void },
): LauncherProcess {
  const child = spawn(javaPath, args, {
    cwd: options.cwd,
    env: options.env,
    // stdin stays open and unused: its EOF is how the JVM learns that we are gone.
    stdio: ['pipe', 'pipe', 'pipe'],
    // Own process group, so a terminal's Ctrl-C reaches only us and we shut Neo4j down in order
    // instead of racing the JVM's own SIGINT handling.
    detached: true,
  });
  // The pipe breaks when the JVM dies first; that is reported through `exited`, not as a crash.
  child.stdin?.on('error', () => {});

  const tail: string[] = [];
  let exitInfo: LauncherExit | undefined;
  let resolveReady!: (uri: string) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<string>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Callers that never await `ready` (e.g. after a timeout) must not get an unhandled rejection.
  ready.catch(() => {});

  const exited = new Promise<LauncherExit>((resolve) => {
    // 'close' rather than 'exit': it waits for stdout/stderr to drain, so the JVM's last words
    // (e.g. the port-in-use line) are already in the tail when we report the exit.
    child.once('close', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
    child.once('error', (error) => {
      if (exitInfo) return;
      exitInfo = { code: null, signal: null, error };
      resolve(exitInfo);
    });
  });
  void exited.then((exit) => rejectReady(new LauncherExitedError(exit)));

  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith(`${READY_MARKER} `)) {
      resolveReady(line.slice(READY_MARKER.length + 1).trim());
    } else {
      options.onLog?.(line);
    }
  });
  readline.createInterface({ input: child.stderr! }).on('line', (line) => {
    tail.push(line);
    if (tail.length > STDERR_TAIL_LINES) tail.shift();
    options.onLog?.(line);
  });

  const stop = async (timeoutMs = 30_000): Promise<LauncherExit> => {
    if (exitInfo) return exitInfo;
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      options.onLog?.(`steppe-neo4j: Neo4j did not stop within ${Math.round(timeoutMs / 1000)} s, killing it`);
      child.kill('SIGKILL');
    }
    return exited;
  };

  return {
    child,
    pid: child.pid ?? -1,
    ready,
    exited,
    hasExited: () => exitInfo !== undefined,
    stderrTail: () => [...tail],
    stop,
  };
}
