import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A free TCP port on 127.0.0.1 (bound, noted, released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Service {
  name: string;
  pid: number;
  logFile: string;
  child: ChildProcess;
  alive(): boolean;
  /** SIGTERM to the whole process group, SIGKILL after a grace period; resolves once the group is gone. */
  stop(): Promise<void>;
}

/** Whether any process of the group still exists. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every service started by this process, so that an abrupt exit can still kill them. */
const started = new Set<Service>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort (a crash, Ctrl-C): process.kill is synchronous, so it works in an exit handler.
  process.on('exit', () => {
    for (const service of started) signalGroup(service.pid, 'SIGKILL');
  });
}

/**
 * Starts a long-running command as the leader of its own process group
 * (`detached`), so stopping it also stops whatever it forks (npx → tsx →
 * node, next start → workers). Output goes to `<logsDir>/<name>.log`.
 */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logsDir: string },
): Service {
  mkdirSync(options.logsDir, { recursive: true });
  const logFile = path.join(options.logsDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'w' });
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`Could not start ${name} (${command} ${args.join(' ')})`);
  const pid = child.pid;
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let exited = child.exitCode !== null;
  child.once('exit', () => {
    exited = true;
  });
  installExitHook();

  const service: Service = {
    name,
    pid,
    logFile,
    child,
    alive: () => !exited,
    async stop() {
      signalGroup(pid, 'SIGTERM');
      const deadline = Date.now() + 8_000;
      while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
      if (groupAlive(pid)) {
        signalGroup(pid, 'SIGKILL');
        const killDeadline = Date.now() + 5_000;
        while (groupAlive(pid) && Date.now() < killDeadline) await sleep(100);
      }
      started.delete(service);
      log.end();
      if (groupAlive(pid)) throw new Error(`${name} (process group ${pid}) survived SIGKILL`);
    },
  };
  started.add(service);
  return service;
}

/**
 * Polls until `probe` says the service is ready. Fails early, with the log's
 * path, when the process has exited.
 */
export async function waitUntilReady(service: Service, what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!service.alive()) throw new Error(`${service.name} exited before ${what} answered; see ${service.logFile}`);
    try {
      if (await probe()) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`${what} did not answer within ${Math.round(timeoutMs / 1000)} s; see ${service.logFile}`);
}

export async function httpOk(url: string, init?: RequestInit): Promise<boolean> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(3_000) });
  await res.arrayBuffer();
  return res.ok;
}
