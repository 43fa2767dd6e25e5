import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { isProcessAlive } from '../src/processes';
import { cleanEnv, cliPath, makeTempDir, packageDir, runCli, waitFor } from './support';

const tmp = makeTempDir();

/** `steppe-neo4j start` in the foreground, as a developer would run it in a terminal. */
function startInForeground(dataDir: string): { child: ChildProcessWithoutNullStreams; output: () => string } {
  const child = spawn(process.execPath, [cliPath, 'start', '--port', '0', '--data-dir', dataDir, '--jit', 'quick'], {
    cwd: packageDir,
    env: cleanEnv(),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

const exitOf = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', resolve);
  });

function readyInfo(output: string): { uri: string; pid: number } {
  const uri = /NEO4J_URI=(\S+)/.exec(output)?.[1];
  const pid = Number(/\(pid (\d+)\)/.exec(output)?.[1]);
  if (!uri || !pid) throw new Error(`no ready lines in:\n${output}`);
  return { uri, pid };
}

describe('steppe-neo4j start / status / stop', () => {
  it('start stays in the foreground; status and stop work from another terminal', async () => {
    const dataDir = path.join(tmp, 'a', 'data');
    const { child, output } = startInForeground(dataDir);
    const exited = exitOf(child);
    await waitFor('the ready message', () => output().includes('Press Ctrl-C to stop.') || child.exitCode !== null, 120_000);
    const { uri, pid } = readyInfo(output());
    expect(output()).toMatch(/NEO4J_USER=neo4j\n\s+NEO4J_PASSWORD=steppe-local\n/);

    const status = await runCli(['status', '--data-dir', dataDir]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`Neo4j is running (pid ${pid},`);
    expect(status.stdout).toContain(`uri:      ${uri}\n`);

    const stop = await runCli(['stop', '--data-dir', dataDir]);
    expect(stop.stdout).toContain(`Stopped Neo4j (pid ${pid}).`);
    expect(isProcessAlive(pid)).toBe(false);
    expect(await exited).toBe(0);
    expect(output()).toContain('Neo4j stopped.');
    expect((await runCli(['status', '--data-dir', dataDir])).code).toBe(3);
  });

  it('Ctrl-C (SIGINT) stops Neo4j gracefully before the CLI exits', async () => {
    const dataDir = path.join(tmp, 'b', 'data');
    const { child, output } = startInForeground(dataDir);
    const exited = exitOf(child);
    await waitFor('the ready message', () => output().includes('Press Ctrl-C to stop.') || child.exitCode !== null, 120_000);
    const { pid } = readyInfo(output());

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output()).toMatch(/SIGINT: stopping Neo4j/);
    expect(isProcessAlive(pid)).toBe(false);
  });

  it('a second start on a port in use fails with the port message and exit code 3', async () => {
    const dataDir = path.join(tmp, 'c', 'data');
    const { child, output } = startInForeground(dataDir);
    const exited = exitOf(child);
    try {
      await waitFor('the ready message', () => output().includes('Press Ctrl-C to stop.') || child.exitCode !== null, 120_000);
      const port = /127\.0\.0\.1:(\d+)/.exec(readyInfo(output()).uri)?.[1] ?? '';
      const second = await runCli(['start', '--port', port, '--data-dir', path.join(tmp, 'd', 'data')]);
      expect(second.code).toBe(3);
      expect(second.stderr.trim().split('\n').pop()).toBe(
        `steppe-neo4j: port ${port} is already in use: stop whatever is listening there or set NEO4J_PORT`,
      );
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
