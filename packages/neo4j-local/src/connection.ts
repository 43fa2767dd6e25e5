import neo4j, { type AuthToken, type Config, type Driver } from 'neo4j-driver';

/** How to reach a Neo4j over Bolt. `password` undefined means the server runs without auth. */
export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string | undefined;
}

export const DEFAULT_NEO4J_USER = 'neo4j';
/** The CLI's password: fixed rather than random so apps and .env files are set up once; Bolt listens on loopback only. */
export const DEFAULT_DEV_PASSWORD = 'steppe-local';

/**
 * The external database, when the environment names one (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD).
 * Undefined means "start a local one". Blank values count as unset so an empty line in a .env file
 * does not silently point everything at nothing.
 */
export function neo4jConnectionFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConnection | undefined {
  const uri = env.NEO4J_URI?.trim();
  if (!uri) return undefined;
  const user = env.NEO4J_USER?.trim() || DEFAULT_NEO4J_USER;
  const password = env.NEO4J_PASSWORD ? env.NEO4J_PASSWORD : undefined;
  return { uri, user, password };
}

/** The environment variables that make {@link neo4jConnectionFromEnv} return `connection` again. */
export function neo4jConnectionEnv(connection: Neo4jConnection): Record<string, string> {
  const env: Record<string, string> = { NEO4J_URI: connection.uri, NEO4J_USER: connection.user };
  if (connection.password !== undefined) env.NEO4J_PASSWORD = connection.password;
  return env;
}

export function neo4jAuthToken(connection: Neo4jConnection): AuthToken {
  // The driver's typings lack auth.none(), though the runtime has it; this is the token it returns.
  return connection.password === undefined
    ? ({ scheme: 'none', principal: '', credentials: '' } as AuthToken)
    : neo4j.auth.basic(connection.user, connection.password);
}

export function openNeo4jDriver(connection: Neo4jConnection, config?: Config): Driver {
  return neo4j.driver(connection.uri, neo4jAuthToken(connection), config);
}
