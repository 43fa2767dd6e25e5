import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import {
  AlreadyRunningError,
  ensureLauncherBuilt,
  findFreePort,
  Neo4jStartError,
  neo4jStatus,
  openNeo4jDriver,
  PortInUseError,
  startLocalNeo4j,
  type LocalNeo4j,
} from '../src';
import { launcherCommandArgs, launcherEnv } from '../src/jvm';
import { EXIT_PORT_IN_USE } from '../src/launcher-process';
import { isProcessAlive } from '../src/processes';
import { cleanEnv, makeTempDir } from './support';

const tmp = makeTempDir();
const dataDir = path.join(tmp, 'data');
// The C1-only JIT, as the jest setup uses: these instances live for seconds.
const quick = { jit: 'quick', env: cleanEnv() } as const;
let running: LocalNeo4j | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('startLocalNeo4j', () => {
  it('starts on a free port, serves Cypher, is visible to status, and stops without leaving a process', async () => {
    running = await startLocalNeo4j({ ...quick, dataDir, password: 'first-password' });
    const { uri, pid, port } = running;
    expect(uri).toBe(`bolt://127.0.0.1:${port}`);
    expect(running.user).toBe('neo4j');
    expect(isProcessAlive(pid)).toBe(true);

    const driver = openNeo4jDriver(running);
    try {
      await driver.executeQuery('CREATE (:Probe {id: $id, name: $name})', { id: neo4j.int(1), name: 'steppe' });
      const { records } = await driver.executeQuery(
        'MATCH (p:Probe {id: $id}) RETURN p.name AS name',
        { id: neo4j.int(1) },
        { routing: 'READ' },
      );
      expect(records.map((r) => r.get('name'))).toEqual(['steppe']);
    } finally {
      await driver.close();
    }

    // Auth is really on: a wrong password is refused.
    const intruder = openNeo4jDriver({ ...running, password: 'wrong-password' });
    await expect(intruder.verifyConnectivity()).rejects.toThrow(/unauthorized|authentication/i);
    await intruder.close();

    const status = await neo4jStatus({ dataDir });
    expect(status).toMatchObject({ running: true, boltReachable: true, instance: { pid, uri, auth: true } });
    expect(fs.readFileSync(running.pidFile, 'utf8')).not.toContain('first-password');
    // The initial-password file Neo4j consumed on first start is not left lying around.
    expect(fs.existsSync(path.join(dataDir, 'data', 'dbms', 'auth.ini'))).toBe(false);

    // A second instance on the same store is refused before any JVM is spawned.
    await expect(startLocalNeo4j({ ...quick, dataDir })).rejects.toBeInstanceOf(AlreadyRunningError);

    await running.stop();
    running = undefined;
    expect(isProcessAlive(pid)).toBe(false);
    expect(fs.existsSync(path.join(tmp, 'data.pid'))).toBe(false);
    expect((await neo4jStatus({ dataDir })).running).toBe(false);
  });

  it('restarts on the same data dir with the data kept and the new password in force', async () => {
    running = await startLocalNeo4j({ ...quick, dataDir, password: 'second-password' });
    const driver = openNeo4jDriver(running);
    try {
      const { records } = await driver.executeQuery('MATCH (p:Probe) RETURN count(p) AS n');
      expect(records[0]?.get('n').toNumber()).toBe(1);
    } finally {
      await driver.close();
    }
    const stale = openNeo4jDriver({ ...running, password: 'first-password' });
    await expect(stale.verifyConnectivity()).rejects.toThrow(/unauthorized|authentication/i);
    await stale.close();
  });

  it('runs without auth when asked to', async () => {
    running = await startLocalNeo4j({ ...quick, dataDir: path.join(tmp, 'noauth'), auth: false });
    expect(running.password).toBeUndefined();
    const driver = openNeo4jDriver(running);
    try {
      const { records } = await driver.executeQuery('RETURN 41 + 1 AS answer');
      expect(records[0]?.get('answer').toNumber()).toBe(42);
    } finally {
      await driver.close();
    }
  });
});

describe('a start that takes too long', () => {
  it('fails with a timeout error and leaves no JVM behind', async () => {
    const slowDir = path.join(tmp, 'slow');
    const attempt = startLocalNeo4j({ ...quick, dataDir: slowDir, startTimeoutMs: 300 });
    await expect(attempt).rejects.toBeInstanceOf(Neo4jStartError);
    await expect(attempt).rejects.toThrow(/did not become ready within 0.3 s.*debug\.log/);
    expect(launcherProcessesUsing(slowDir)).toEqual([]);
  });
});

/** Every live launcher JVM whose command line names `dataDir` (Linux /proc). */
function launcherProcessesUsing(dataDir: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmdline.includes('steppe.Neo4jLauncher') && cmdline.includes(dataDir) && isProcessAlive(Number(pid));
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('a port that is already taken', () => {
  let server: net.Server;
  let port: number;

  beforeAll(async () => {
    port = await findFreePort();
    server = net.createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('fails fast with a message that says what to do', async () => {
    const started = Date.now();
    const attempt = startLocalNeo4j({ ...quick, port, dataDir: path.join(tmp, 'taken') });
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(`port ${port} is already in use: stop whatever is listening there or set NEO4J_PORT`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('the launcher itself exits with its own code and one clear line', async () => {
    const build = await ensureLauncherBuilt();
    const args = launcherCommandArgs({ classpath: build.classpath, port, dataDir: path.join(tmp, 'taken-jvm'), auth: false });
    const child = spawn(build.javaPath, args, { env: launcherEnv(cleanEnv(), undefined), stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code).toBe(EXIT_PORT_IN_USE);
    expect(stderr.trim()).toBe(`steppe-neo4j: port ${port} on 127.0.0.1 is already in use`);
  });
});
