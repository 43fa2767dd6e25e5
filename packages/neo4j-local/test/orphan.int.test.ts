import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { neo4jStatus } from '../src';
import { isProcessAlive } from '../src/processes';
import { cleanEnv, makeTempDir, packageDir, waitFor } from './support';

const tmp = makeTempDir();

describe('when the Node process that started Neo4j dies', () => {
  it('the JVM notices (stdin EOF) and exits by itself', async () => {
    const dataDir = path.join(tmp, 'data');
    // Plain node with tsx's require hook: one process, so SIGKILL hits the JVM's real parent.
    const parent = spawn(process.execPath, ['-r', 'tsx/cjs', path.join(__dirname, 'fixtures', 'start-and-wait.ts'), dataDir], {
      cwd: packageDir,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const firstLine = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: parent.stdout! }).once('line', resolve);
      parent.once('exit', (code) => reject(new Error(`fixture exited early with code ${code}`)));
    });
    const { pid } = JSON.parse(firstLine) as { pid: number; uri: string };
    expect(isProcessAlive(pid)).toBe(true);

    parent.kill('SIGKILL');
    await waitFor('the orphaned JVM to exit', () => !isProcessAlive(pid), 60_000);

    // Its pid file could not be cleaned up by the dead parent; status recognises it as stale.
    expect(await neo4jStatus({ dataDir })).toMatchObject({ running: false, stalePidFileRemoved: true });
  });
});
