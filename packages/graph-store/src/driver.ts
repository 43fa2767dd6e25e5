import neo4j, { type Driver } from 'neo4j-driver';

export interface Neo4jConnection {
  uri: string;
  user?: string;
  password?: string;
}

export interface DriverOptions {
  /** How long to wait for a connection before failing a query (ms). */
  connectionTimeoutMs?: number;
  /** How long managed transactions keep retrying transient errors (ms). */
  maxRetryTimeMs?: number;
}

/**
 * One driver per process. Integers come back as JavaScript numbers: Steppe's
 * counts and ids fit comfortably, and it saves converting at every call site.
 * Works for bolt:// and neo4j:// (routing) URIs alike, so a cluster or Aura
 * needs no code change.
 */
export function createDriver(conn: Neo4jConnection, options: DriverOptions = {}): Driver {
  const auth = conn.password ? neo4j.auth.basic(conn.user ?? 'neo4j', conn.password) : undefined;
  return neo4j.driver(conn.uri, auth, {
    disableLosslessIntegers: true,
    connectionTimeout: options.connectionTimeoutMs ?? 5_000,
    connectionAcquisitionTimeout: options.connectionTimeoutMs ?? 5_000,
    maxTransactionRetryTime: options.maxRetryTimeMs ?? 5_000,
    logging: { level: 'error', logger: () => {} },
    // The neighbourhood statements use id() on purpose, within one statement (explore.ts, isMember), where it
    // stays valid. Neo4j sends a deprecation notice for every occurrence in every answer, which the driver
    // decodes each time; explore.int.test.ts checks that id() is the only deprecated feature the statements use.
    notificationFilter: { disabledClassifications: ['DEPRECATION'] },
  });
}

/** Whether an error means "the database could not be reached" rather than "the query was wrong". */
export function isUnavailableError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (!e) return false;
  return (
    e.code === 'ServiceUnavailable' ||
    e.code === 'SessionExpired' ||
    /connect|ECONNREFUSED|ECONNRESET|socket|Pool is closed|acquisition timed out/i.test(e.message ?? '')
  );
}
