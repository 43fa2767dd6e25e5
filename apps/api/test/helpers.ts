import { createLogger } from 'graphql-yoga';
import { createDriver, type QueryEvent } from '@steppe/graph-store';
import { createApi, type ApiDeps } from '../src';

export const quietLogger = createLogger('silent');

/** A yoga instance on a driver; call it in-process with `gql`. */
export function apiFor(overrides: Partial<ApiDeps> & Pick<ApiDeps, 'driver'>) {
  return createApi({ logger: quietLogger, corsOrigins: ['http://localhost:3000'], ...overrides });
}

export type Api = ReturnType<typeof apiFor>;

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}

export async function gql<T = Record<string, unknown>>(
  api: Api,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GqlResponse<T>> {
  const res = await api.fetch('http://api.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GqlResponse<T>['body'] };
}

/** A driver pointed at a port where nothing listens: Neo4j "down". */
export function unreachableDriver() {
  return createDriver({ uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: 'unused' }, { connectionTimeoutMs: 1_000, maxRetryTimeMs: 0 });
}

export function recordQueries() {
  const events: QueryEvent[] = [];
  return { events, onQuery: (e: QueryEvent) => events.push(e) };
}
