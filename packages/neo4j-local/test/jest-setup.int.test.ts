import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from '../src/processes';
import { cleanEnv, makeTempDir, packageDir } from './support';

const tmp = makeTempDir();

describe('jest global setup / teardown in a multi-project run', () => {
  it('starts one Neo4j for all projects, hands it to the workers, and removes it afterwards', async () => {
    const report = path.join(tmp, 'report.txt');
    // A private TMPDIR for the run, so we can see that the setup's temporary store is gone afterwards.
    const runTmp = path.join(tmp, 'run-tmp');
    fs.mkdirSync(runTmp);
    const jestBin = require.resolve('jest/bin/jest');
    const config = path.join(__dirname, 'fixtures', 'two-projects', 'jest.config.js');
    const child = spawn(process.execPath, [jestBin, '--config', config, '--ci'], {
      cwd: packageDir,
      env: cleanEnv({ STEPPE_FIXTURE_REPORT: report, TMPDIR: runTmp }),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect({ code, output }).toMatchObject({ code: 0 });

    const starts = [...output.matchAll(/Neo4j for this test run: (\S+) \(pid (\d+), .*, store in (.+)\)/g)];
    expect(starts).toHaveLength(1);
    const [, uri, pid, store] = starts[0]!;
    const seen = fs.readFileSync(report, 'utf8').trim().split('\n').sort();
    expect(seen).toEqual([`a ${uri}`, `b ${uri}`]);

    expect(isProcessAlive(Number(pid))).toBe(false);
    expect(path.dirname(store!)).toBe(runTmp);
    expect(fs.existsSync(store!)).toBe(false);
  });
});
