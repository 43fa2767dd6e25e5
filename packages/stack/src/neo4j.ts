import { neo4jConnectionFromEnv, startLocalNeo4j } from '@steppe/neo4j-local';

export interface Neo4jHandle {
  uri: string;
  user: string;
  password?: string;
  /** True when we started it (and so must stop it). */
  local: boolean;
  stop(): Promise<void>;
}

export interface Neo4jOptions {
  /** Bolt port of a local Neo4j (0: any free port). */
  port?: number;
  /** Where a local Neo4j keeps its data; undefined means a throw-away database. */
  dataDir?: string;
  heap?: string;
  password?: string;
}

/**
 * The user's own Neo4j when NEO4J_URI is set; otherwise a local one that we
 * start (and stop).
 */
export async function provideNeo4j(options: Neo4jOptions, log: (line: string) => void): Promise<Neo4jHandle> {
  const external = neo4jConnectionFromEnv();
  if (external) {
    return { ...external, local: false, stop: async () => {} };
  }
  const running = await startLocalNeo4j({
    port: options.port,
    dataDir: options.dataDir,
    heap: options.heap,
    password: options.password,
    onLog: log,
  });
  return { uri: running.uri, user: running.user, password: running.password, local: true, stop: () => running.stop() };
}
