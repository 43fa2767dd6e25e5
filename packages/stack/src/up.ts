import { DEFAULT_DEV_PASSWORD } from '@steppe/neo4j-local';
import { startStack, type RunningStack } from './orchestrator';
import { repoPath } from './paths';

export interface UpOptions {
  dev: boolean;
  apiPort: number;
  webPort: number;
  neo4jPort: number;
  /** Logical graph to seed and serve (default "steppe"). */
  graph?: string;
}

/**
 * `npm start`: brings up the whole explorer through the orchestrator — Neo4j
 * (unless NEO4J_URI is set), the seeded graph, the API and the web app. Ctrl-C
 * (SIGINT) or SIGTERM stops all of it, Neo4j included, and exits 0; a service
 * that dies stops everything and exits 1.
 */
export async function up(options: UpOptions): Promise<void> {
  let stack: RunningStack | undefined;
  let stopping = false;
  const log = (line: string) => console.log(line);
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Steppe…');
    try {
      await stack?.stop();
    } catch (error) {
      console.error((error as Error).message);
      code = code || 1;
    }
    console.log('Stopped.');
    process.exit(code);
  };
  // Ctrl-C during start-up also stops what has started so far: startStack cleans up when it fails,
  // and the services' process groups are killed when this process exits.
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    stack = await startStack({
      graph: options.graph ?? 'steppe',
      apiPort: options.apiPort,
      webPort: options.webPort,
      web: options.dev ? 'dev' : 'start',
      // Both servers listen on loopback only, unless HOST says otherwise (e.g. HOST=0.0.0.0 behind a firewall or proxy).
      host: process.env.HOST?.trim() || '127.0.0.1',
      urlHost: 'localhost',
      // The fixed development password lets `npm run seed` and other tools connect while it runs.
      neo4j: { port: options.neo4jPort, dataDir: repoPath('.neo4j', 'data'), password: DEFAULT_DEV_PASSWORD },
      output: { kind: 'prefixed' },
      log,
    });
    for (const s of stack.services) {
      s.child.once('exit', (code) => {
        if (!stopping) {
          console.error(`${s.name} exited unexpectedly (code ${code}); stopping everything.`);
          void stopAll(1);
        }
      });
    }
    console.log(
      `\nSteppe is up.\n  Explorer  ${stack.webUrl}\n  GraphQL   ${stack.apiUrl}\n  Neo4j     ${stack.neo4j.uri}${stack.neo4j.local ? ' (local, started by Steppe)' : ' (yours, from NEO4J_URI)'}\nPress Ctrl-C to stop everything.\n`,
    );
  } catch (error) {
    console.error(`\n${(error as Error).message}`);
    await stopAll(1);
  }
}
