import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const COLOURS = { neo4j: 33, seed: 35, api: 36, web: 32, test: 34 } as const;
export type ServiceName = keyof typeof COLOURS;

/** Prefixes every line of a service's output so interleaved logs stay readable. */
export function prefixer(name: ServiceName, out: NodeJS.WriteStream = process.stdout): (chunk: string | Buffer) => void {
  const useColour = out.isTTY && !process.env.NO_COLOR;
  const tag = useColour ? `\x1b[${COLOURS[name]}m${name.padEnd(5)}\x1b[0m │ ` : `${name.padEnd(5)} │ `;
  let pending = '';
  return (chunk) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) out.write(tag + line + '\n');
  };
}

/** Where a service's output goes: prefixed lines on stdout (`npm start`), or `<dir>/<name>.log` (tests). */
export type ServiceOutput = { kind: 'prefixed' } | { kind: 'files'; dir: string };

export interface Service {
  name: ServiceName;
  pid: number;
  child: ChildProcess;
  /** The log file, when the output goes to files. */
  logFile?: string;
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
  // Last resort (a crash, an uncaught error): process.kill is synchronous, so it works in an exit handler.
  process.on('exit', () => {
    for (const service of started) signalGroup(service.pid, 'SIGKILL');
  });
}

/**
 * Starts a long-running command as the leader of its own process group
 * (`detached`), so stopping it also stops whatever it forks (tsx → node,
 * next start → workers), and a Ctrl-C in the terminal reaches only the
 * orchestrator, which then stops the services in order.
 */
export function startService(
  name: ServiceName,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; output: ServiceOutput },
): Service {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`Could not start ${name} (${command} ${args.join(' ')})`);
  const pid = child.pid;
  let logFile: string | undefined;
  let closeLog = () => {};
  if (options.output.kind === 'files') {
    mkdirSync(options.output.dir, { recursive: true });
    logFile = path.join(options.output.dir, `${name}.log`);
    const log = createWriteStream(logFile, { flags: 'w' });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    closeLog = () => log.end();
  } else {
    const log = prefixer(name);
    child.stdout?.on('data', log);
    child.stderr?.on('data', log);
  }
  let exited = child.exitCode !== null;
  child.once('exit', () => {
    exited = true;
  });
  installExitHook();

  const service: Service = {
    name,
    pid,
    child,
    logFile,
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
      closeLog();
      if (groupAlive(pid)) throw new Error(`${name} (process group ${pid}) survived SIGKILL`);
    },
  };
  started.add(service);
  return service;
}

/** Runs a command to completion (its output as a service's); resolves with its exit code. */
export function runStep(
  name: ServiceName,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; output: ServiceOutput },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (options.output.kind === 'files') {
      mkdirSync(options.output.dir, { recursive: true });
      const log = createWriteStream(path.join(options.output.dir, `${name}.log`), { flags: 'w' });
      child.stdout?.pipe(log, { end: false });
      child.stderr?.pipe(log, { end: false });
      child.once('exit', () => log.end());
    } else {
      const log = prefixer(name);
      child.stdout?.on('data', log);
      child.stderr?.on('data', log);
    }
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Resolves true when something accepts TCP connections on host:port. */
export function isPortInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether a URL answers 2xx (the body is read, so the connection is released). */
export async function httpOk(url: string, init?: RequestInit): Promise<boolean> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(3_000) });
  await res.arrayBuffer();
  return res.ok;
}

/**
 * Polls until `url` answers 2xx. Fails early when the service has exited (naming its
 * log), or after `timeoutMs`.
 */
export async function waitUntilReady(service: Service, url: string, timeoutMs: number): Promise<void> {
  const where = service.logFile ? `; see ${service.logFile}` : ' (see its log above)';
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!service.alive()) throw new Error(`${service.name} exited before ${url} answered${where}`);
    try {
      if (await httpOk(url)) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s${where}`);
}
