import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

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

export interface Service {
  name: ServiceName;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts a long-running child in its own process group, so stopping it also
 * stops whatever it spawned (next start forks workers, tsx forks node).
 */
export function startService(name: ServiceName, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Service {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = prefixer(name);
  child.stdout?.on('data', log);
  child.stderr?.on('data', log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 8_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Resolves when something accepts TCP connections on host:port. */
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

/** Polls a URL until it answers 2xx, or fails with a message after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`the process serving ${url} exited before it was ready (see its log above)`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}
