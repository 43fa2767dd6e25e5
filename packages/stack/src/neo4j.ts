import { neo4jConnectionFromEnv, startLocalNeo4j } from '@steppe/neo4j-local';
import { prefixer } from './processes';

export interface Neo4jHandle {
  uri: string;
  user: string;
  password?: string;
  /** True when we started it (and so must stop it). */
  local: boolean;
  stop(): Promise<void>;
}

/**
 * The user's own Neo4j when NEO4J_URI is set; otherwise a local one that we
 * start (and stop). `dataDir` undefined means a throw-away database.
 */
export async function provideNeo4j(options: { port?: number; dataDir?: string; heap?: string; password?: string }): Promise<Neo4jHandle> {
  const external = neo4jConnectionFromEnv();
  if (external) {
    return { ...external, local: false, stop: async () => {} };
  }
  const log = prefixer('neo4j');
  const running = await startLocalNeo4j({
    port: options.port,
    dataDir: options.dataDir,
    heap: options.heap,
    password: options.password,
    onLog: (line: string) => log(line + '\n'),
  });
  return { uri: running.uri, user: running.user, password: running.password, local: true, stop: () => running.stop() };
}
