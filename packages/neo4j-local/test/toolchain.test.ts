import fs from 'node:fs';
import path from 'node:path';
import { ensureLauncherBuilt, ToolchainMissingError } from '../src';
import { findExecutable } from '../src/build';
import { cleanEnv, makeTempDir, runCli } from './support';

const THREE_WAYS_OUT = [/install JDK 17 and Maven/, /NEO4J_URI=bolt:/, /docker compose up/];

describe('without java or Maven on PATH', () => {
  const emptyDir = makeTempDir();
  const javaOnly = makeTempDir();

  it('ensureLauncherBuilt names the missing tools and the three ways out', async () => {
    const attempt = ensureLauncherBuilt({ env: { PATH: emptyDir } });
    await expect(attempt).rejects.toBeInstanceOf(ToolchainMissingError);
    const error = (await attempt.catch((e: unknown) => e)) as ToolchainMissingError;
    expect(error.missing).toEqual(['java', 'mvn']);
    expect(error.message).toMatch(/`java` and `mvn` not found on PATH/);
    for (const way of THREE_WAYS_OUT) expect(error.message).toMatch(way);
  });

  it('only Maven is required when a build is needed and java exists', async () => {
    const realJava = findExecutable('java');
    if (!realJava) throw new Error('these tests expect java on the PATH of the test run');
    fs.symlinkSync(realJava, path.join(javaOnly, 'java'));
    const error = (await ensureLauncherBuilt({ force: true, env: { PATH: javaOnly } }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ToolchainMissingError);
    expect(error.message).toMatch(/`mvn` not found on PATH/);
  });

  it('the CLI prints the message without a stack trace and exits 1', async () => {
    const result = await runCli(['start', '--port', '0', '--data-dir', path.join(emptyDir, 'data')], cleanEnv({ PATH: emptyDir }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^steppe-neo4j: Cannot run a local Neo4j: `java` and `mvn` not found on PATH/m);
    for (const way of THREE_WAYS_OUT) expect(result.stderr).toMatch(way);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
