import { runCli, cleanEnv, makeTempDir } from './support';
import path from 'node:path';

describe('steppe-neo4j CLI (no JVM involved)', () => {
  const tmp = makeTempDir();

  it('start uses the external database when NEO4J_URI is set and launches nothing', async () => {
    const result = await runCli(['start'], cleanEnv({ NEO4J_URI: 'bolt://elsewhere:7687', NEO4J_USER: 'bob' }));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/NEO4J_URI is set: using the external Neo4j at bolt:\/\/elsewhere:7687 \(user bob\)/);
  });

  it('status says "not running" with exit code 3', async () => {
    const result = await runCli(['status', '--data-dir', path.join(tmp, 'data')]);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/Neo4j is not running/);
  });

  it('stop is a no-op when nothing runs', async () => {
    const result = await runCli(['stop', '--data-dir', path.join(tmp, 'data')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Neo4j is not running/);
  });

  it('rejects bad arguments with a usage error', async () => {
    const result = await runCli(['start', '--port', 'seventy']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--port <port>.*expected 0-65535/);
  });
});
