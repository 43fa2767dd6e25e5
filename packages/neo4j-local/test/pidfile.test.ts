import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { neo4jStatus, pidFileFor, stopRunningNeo4j } from '../src';
import { readPidFile, removePidFile, writePidFile, type PidFileContent } from '../src/pidfile';
import { isLauncherProcess, isProcessAlive } from '../src/processes';
import { makeTempDir } from './support';

const tmp = makeTempDir();

function content(dataDir: string, pid: number): PidFileContent {
  return {
    pid,
    ownerPid: process.pid,
    uri: 'bolt://127.0.0.1:7999',
    port: 7999,
    user: 'neo4j',
    auth: true,
    dataDir,
    startedAt: new Date().toISOString(),
  };
}

/** A pid that certainly belongs to no live process. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('pid file', () => {
  it('lives next to the data dir, named after it', () => {
    expect(pidFileFor('/repo/.neo4j/data')).toBe('/repo/.neo4j/data.pid');
    expect(pidFileFor('/tmp/x/data/')).toBe('/tmp/x/data.pid');
  });

  it('round-trips and is only removed by the instance it describes', () => {
    const dataDir = path.join(tmp, 'a', 'data');
    writePidFile(content(dataDir, 1234));
    expect(readPidFile(dataDir)).toMatchObject({ pid: 1234, uri: 'bolt://127.0.0.1:7999', dataDir });
    removePidFile(dataDir, 999);
    expect(readPidFile(dataDir)?.pid).toBe(1234);
    removePidFile(dataDir, 1234);
    expect(fs.existsSync(pidFileFor(dataDir))).toBe(false);
  });

  it('ignores a corrupt file', () => {
    const dataDir = path.join(tmp, 'b', 'data');
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(pidFileFor(dataDir), '{not json');
    expect(readPidFile(dataDir)).toBeUndefined();
  });
});

describe('status and stop through the pid file', () => {
  it('report "not running" and clean up a pid file whose process is gone', async () => {
    const dataDir = path.join(tmp, 'c', 'data');
    writePidFile(content(dataDir, deadPid()));
    const status = await neo4jStatus({ dataDir });
    expect(status).toMatchObject({ running: false, stalePidFileRemoved: true, dataDir });
    expect(fs.existsSync(pidFileFor(dataDir))).toBe(false);
    expect(await stopRunningNeo4j({ dataDir })).toEqual({ wasRunning: false, killed: false });
  });

  it('never treat a reused pid of some other program as Neo4j', async () => {
    const dataDir = path.join(tmp, 'd', 'data');
    writePidFile(content(dataDir, process.pid));
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isLauncherProcess(process.pid)).toBe(false);
    expect((await stopRunningNeo4j({ dataDir })).wasRunning).toBe(false);
    expect(isProcessAlive(process.pid)).toBe(true);
  });
});
