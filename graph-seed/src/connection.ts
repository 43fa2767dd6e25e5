import { DEFAULT_DEV_PASSWORD, neo4jConnectionFromEnv } from '@steppe/neo4j-local';
import { createDriver, isUnavailableError } from '@steppe/graph-store';
import type { Driver } from 'neo4j-driver';

/**
 * The seeder talks to NEO4J_URI when set, else to the local Neo4j that
 * `npm run neo4j -- start` runs on bolt://127.0.0.1:7687.
 */
export async function connect(): Promise<{ driver: Driver; uri: string }> {
  const conn = neo4jConnectionFromEnv() ?? {
    uri: `bolt://127.0.0.1:${process.env.NEO4J_PORT ?? 7687}`,
    user: 'neo4j',
    password: process.env.NEO4J_PASSWORD || DEFAULT_DEV_PASSWORD,
  };
  const driver = createDriver(conn);
  try {
    await driver.verifyConnectivity();
  } catch (error) {
    await driver.close();
    if (isUnavailableError(error)) {
      throw new Error(
        `Neo4j is not reachable at ${conn.uri}. Start the local one with \`npm run neo4j -- start\`, ` +
          'set NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD) to your own, or use `npm start`, which starts everything.',
      );
    }
    throw new Error(`Could not connect to Neo4j at ${conn.uri}: ${(error as Error).message}`);
  }
  return { driver, uri: conn.uri };
}
