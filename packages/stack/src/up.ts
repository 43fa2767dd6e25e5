import { createDriver } from '@steppe/graph-store';
import { DEFAULT_DEV_PASSWORD } from '@steppe/neo4j-local';
import { seedGraph } from '@steppe/graph-seed';
import { provideNeo4j, type Neo4jHandle } from './neo4j';
import { repoPath } from './paths';
import { isPortInUse, prefixer, startService, waitForHttp, type Service } from './processes';

export interface UpOptions {
  dev: boolean;
  apiPort: number;
  webPort: number;
  neo4jPort: number;
}

/**
 * Brings up the whole explorer: Neo4j (unless NEO4J_URI is set), the seeded
 * graph, the API and the web app. Ctrl-C stops all of it, Neo4j included.
 */
export async function up(options: UpOptions): Promise<void> {
  const say = prefixer('seed');
  for (const [what, port, variable] of [
    ['API', options.apiPort, 'STEPPE_API_PORT'],
    ['web app', options.webPort, 'STEPPE_WEB_PORT'],
  ] as const) {
    if (await isPortInUse(port)) {
      throw new Error(`Port ${port} (for the ${what}) is already in use: stop whatever listens there, or set ${variable}.`);
    }
  }

  const services: Service[] = [];
  let neo4j: Neo4jHandle | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Steppe…');
    await Promise.all(services.map((s) => s.stop()));
    await neo4j?.stop();
    console.log('Stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    // The fixed development password lets `npm run seed` and other tools connect while it runs.
    neo4j = await provideNeo4j({ port: options.neo4jPort, dataDir: repoPath('.neo4j', 'data'), password: DEFAULT_DEV_PASSWORD });
    const driver = createDriver(neo4j);
    try {
      const started = Date.now();
      const result = await seedGraph({ driver, graph: 'steppe' });
      say(
        result.skipped
          ? `graph "steppe" is up to date (${result.counts.entities} entities, ${result.counts.relations} relations)\n`
          : `loaded ${result.counts.entities} entities, ${result.counts.relations} relations, ${result.counts.sources} sources in ${Date.now() - started} ms\n`,
      );
    } finally {
      await driver.close();
    }

    const apiUrl = `http://localhost:${options.apiPort}/graphql`;
    const webUrl = `http://localhost:${options.webPort}`;
    const env = {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password ?? '',
      STEPPE_GRAPH: 'steppe',
      PORT: String(options.apiPort),
      CORS_ORIGINS: `${webUrl},http://127.0.0.1:${options.webPort}`,
      STEPPE_API_URL: apiUrl,
    };
    const api = startService('api', repoPath('node_modules', '.bin', 'tsx'), ['src/main.ts'], { cwd: repoPath('apps', 'api'), env });
    const web = startService(
      'web',
      repoPath('node_modules', '.bin', 'next'),
      options.dev ? ['dev', '-p', String(options.webPort)] : ['start', '-p', String(options.webPort)],
      { cwd: repoPath('apps', 'web'), env },
    );
    services.push(api, web);
    for (const s of services) {
      s.child.once('exit', (code) => {
        if (!stopping) {
          console.error(`${s.name} exited unexpectedly (code ${code}); stopping everything.`);
          void stopAll(1);
        }
      });
    }
    await waitForHttp(`http://127.0.0.1:${options.apiPort}/readyz`, 60_000, () => api.child.exitCode === null);
    await waitForHttp(webUrl, 120_000, () => web.child.exitCode === null);
    console.log(
      `\nSteppe is up.\n  Explorer  ${webUrl}\n  GraphQL   ${apiUrl}\n  Neo4j     ${neo4j.uri}${neo4j.local ? ' (local, started by Steppe)' : ' (yours, from NEO4J_URI)'}\nPress Ctrl-C to stop everything.\n`,
    );
  } catch (error) {
    console.error(`\n${(error as Error).message}`);
    await stopAll(1);
  }
}
