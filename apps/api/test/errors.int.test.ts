import type { Driver } from 'neo4j-driver';
import { createDriver, resetGraph } from '@steppe/graph-store';
import { seedGraph } from '@steppe/graph-seed';
import { newApiKey, parseAuthConfig } from '../src/auth';
import { ERROR_CODES, ERROR_CODE_NAMES, type ErrorCode } from '../src/error-codes';
import { apiFor, unreachableDriver, type Api } from './helpers';

interface Answer {
  status: number;
  contentType: string | null;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

const RESPONSE_TYPE = 'application/graphql-response+json';

async function send(
  api: Api,
  init: { method?: 'GET' | 'POST'; body?: unknown; rawBody?: string; search?: string; headers?: Record<string, string> },
): Promise<Answer> {
  const method = init.method ?? 'POST';
  const res = await api.fetch(`http://api.test/graphql${init.search ?? ''}`, {
    method,
    headers: { accept: RESPONSE_TYPE, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: method === 'POST' ? (init.rawBody ?? JSON.stringify(init.body)) : undefined,
  });
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    headers: res.headers,
    body: (await res.json()) as Answer['body'],
  };
}

const get = (query: string, extra = '') => `?query=${encodeURIComponent(query)}${extra}`;

/**
 * Walks the documented list of error codes (ERROR_CODES, the README's table): every
 * code has a request here that produces it, answered with the documented status,
 * under application/graphql-response+json, with a message that says what to change.
 * The Record type makes a new code without a case a type error.
 */
describe('the error contract', () => {
  const graph = `errors-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  let driver: Driver;
  let api: Api;
  const down = unreachableDriver();
  // Sign-in configured: one key that reads the graph, one granted only a graph this API does not serve.
  const reader = newApiKey();
  const stranger = newApiKey();
  const apiDown = apiFor({ driver: down });

  beforeAll(async () => {
    driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    await seedGraph({ driver, graph });
    api = apiFor({ driver, graph });
  }, 300_000);
  afterAll(async () => {
    await resetGraph(driver, graph);
    await driver.close();
    await down.close();
  });

  const CASES: Record<ErrorCode, { request: () => Promise<Answer>; message: RegExp; extensions?: Record<string, unknown> }> = {
    BAD_REQUEST: {
      request: () => send(api, { method: 'GET', search: get('query E($id: ID!) { entity(id: $id) { name } }', '&variables={id:csto}') }),
      message: /`variables` parameter is not valid JSON/,
    },
    GRAPHQL_PARSE_FAILED: {
      request: () => send(api, { body: { query: '{ search(query: "a" { totalCount } }' } }),
      message: /Syntax Error/,
    },
    GRAPHQL_VALIDATION_FAILED: {
      request: () => send(api, { body: { query: '{ serch(query: "a") { totalCount } }' } }),
      message: /Cannot query field "serch"/,
    },
    OPERATION_RESOLUTION_FAILURE: {
      request: () => send(api, { body: { query: 'query A { stats { entities } } query B { stats { sources } }' } }),
      message: /2 operations \(`A`, `B`\).*`operationName`/,
      extensions: { operationNames: ['A', 'B'] },
    },
    OPERATION_NOT_SUPPORTED: {
      request: () => send(api, { body: { query: 'mutation { __typename }' } }),
      message: /read-only: a `mutation`/,
    },
    BAD_USER_INPUT: {
      request: () =>
        send(api, {
          body: { query: 'query T($t: [RelationType!]) { relations(types: $t) { totalCount } }', variables: { t: ['MEMBER_OFF'] } },
        }),
      message: /"MEMBER_OFF" does not exist in "RelationType" enum\. Did you mean the enum value "MEMBER_OF"\?/,
    },
    LIMIT_EXCEEDED: {
      request: () => send(api, { body: { query: '{ neighbourhood(ids: ["kazakhstan"], depth: 4) { truncated } }' } }),
      message: /`depth` is 4, the maximum is 3/,
      extensions: { argument: 'depth', max: 3 },
    },
    COST_LIMIT_EXCEEDED: {
      request: () =>
        send(api, {
          body: {
            query:
              'query Q($n: Int) { search(query: "a", first: $n) { edges { node { relations(first: 100) { edges { node { from { relations(first: 100) { edges { node { id } } } } } } } } } } }',
            variables: { n: 50 },
          },
        }),
      message:
        /could return [\d,]+ objects; the cost limit is 250,000\. Lower one of the page sizes that multiply it: `search\(first: 50\)`/,
      extensions: { limit: 250_000 },
    },
    UNAUTHENTICATED: {
      request: () => send(signedIn(), { body: { query: '{ stats { entities } }' } }),
      message: /^Sign-in is required: send an API key/,
    },
    FORBIDDEN: {
      request: () => send(signedIn(), { body: { query: '{ stats { entities } }' }, headers: { 'x-api-key': stranger.key } }),
      message: /"stranger" may read no graph on this server/,
    },
    GRAPH_NOT_FOUND: {
      request: () =>
        send(signedIn(), {
          body: { query: '{ stats { entities } }' },
          headers: { 'x-api-key': reader.key, 'x-steppe-graph': 'elsewhere' },
        }),
      message: /^There is no graph "elsewhere" here that you may read\.$/,
    },
    NOT_FOUND: {
      request: () => send(api, { body: { query: '{ neighbourhood(ids: ["nope", "kassym-jomart-tokayev"]) { nodes { id } } }' } }),
      message: /^Unknown entity id: nope\.$/,
      extensions: { ids: ['nope'] },
    },
    TIMEOUT: {
      request: () =>
        send(apiFor({ driver, graph, requestTimeoutMs: 1 }), {
          body: { query: '{ neighbourhood(ids: ["kazakhstan"], depth: 3) { nodes { id } } }' },
        }),
      message: /longer than 1 ms/,
    },
    SERVICE_UNAVAILABLE: { request: () => send(apiDown, { body: { query: '{ stats { entities } }' } }), message: /unavailable/ },
    INTERNAL_SERVER_ERROR: {
      // A bug on the server side (here: an observer that throws) is masked: no details leak.
      request: () =>
        send(
          apiFor({
            driver,
            graph,
            onQuery: () => {
              throw new Error('secret detail');
            },
          }),
          { body: { query: '{ stats { entities } }' } },
        ),
      message: /^Unexpected error\.$/,
    },
  };

  function signedIn(): Api {
    const auth = parseAuthConfig({
      apiKeys: [
        { name: 'reader', sha256: reader.sha256, graphs: [graph] },
        { name: 'stranger', sha256: stranger.sha256, graphs: ['elsewhere'] },
      ],
    });
    return apiFor({ driver, graph, auth });
  }

  it.each(ERROR_CODE_NAMES)('%s: the documented status, content type, code and message', async (code) => {
    const { request, message, extensions } = CASES[code];
    const answer = await request();
    expect(answer.contentType).toContain(RESPONSE_TYPE);
    expect(answer.status).toBe(ERROR_CODES[code].status);
    const error = answer.body.errors?.[0];
    expect(error?.extensions?.code).toBe(code);
    expect(error?.message).toMatch(message);
    if (extensions) expect(error?.extensions).toMatchObject(extensions);
    // Request errors carry no data; field errors leave the other fields' data.
    if (ERROR_CODES[code].status >= 400 && code !== 'SERVICE_UNAVAILABLE') expect(answer.body).not.toHaveProperty('data');
    else expect(answer.body).toHaveProperty('data');
  });

  it('refuses mutations over GET with 405 and an Allow header', async () => {
    const answer = await send(api, { method: 'GET', search: get('mutation { __typename }') });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toMatch(/GET/);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_SUPPORTED');
    const sub = await send(api, { body: { query: 'subscription { __typename }' } });
    expect([sub.status, sub.body.errors?.[0]?.extensions?.code]).toEqual([400, 'OPERATION_NOT_SUPPORTED']);
  });

  it('keeps the Date format hint when the value comes in a variable', async () => {
    const answer = await send(api, {
      body: { query: 'query T($d: Date) { timeline(from: $d) { date } }', variables: { d: '2022/01/05' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(answer.body.errors?.[0]?.message).toMatch(/use YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it('names an operationName the document does not hold', async () => {
    const answer = await send(api, { body: { query: 'query A { stats { entities } }', operationName: 'B' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toBe('`operationName` is "B", but the document has no operation of that name; it holds `A`.');
  });

  it('answers a query’s cost without running it (dryRun), equal to the cost the limit reports', async () => {
    const query =
      'query Q($n: Int) { search(query: "a", first: $n) { edges { node { relations(first: 100) { edges { node { from { relations(first: 100) { edges { node { id } } } } } } } } } } }';
    const refused = await send(api, { body: { query, variables: { n: 50 } } });
    const dry = await send(api, { body: { query, variables: { n: 50 }, extensions: { dryRun: true } } });
    expect(dry.status).toBe(200);
    expect(dry.body).not.toHaveProperty('data');
    expect(dry.body.extensions?.cost).toMatchObject({ cost: refused.body.errors?.[0]?.extensions?.cost, limit: 250_000 });
    // Halving the outer page halves the cost of its edges (the connection itself costs 1): the sizes multiply.
    const half = await send(api, { body: { query, variables: { n: 25 }, extensions: { dryRun: true } } });
    const costOf = (a: Answer) => (a.body.extensions?.cost as { cost: number }).cost;
    expect(costOf(dry) - 1).toBe(2 * (costOf(half) - 1));
  });

  it('answers unknown ids the same way in every field that takes ids: NOT_FOUND naming them', async () => {
    const cases: [string, string[]][] = [
      ['{ entity(id: "nope") { id } }', ['nope']],
      ['{ neighbourhood(ids: ["nope", "kassym-jomart-tokayev"]) { nodes { id } } }', ['nope']],
      ['{ neighbourhood(ids: ["nope"]) { nodes { id } } }', ['nope']],
      ['{ subgraph(ids: ["kazakhstan", "nope"]) { nodes { id } } }', ['nope']],
      ['{ timeline(ids: ["nope"]) { date } }', ['nope']],
      ['{ paths(from: "kazakhstan", to: "nope") { length } }', ['nope']],
      ['{ relations(source: "nope") { totalCount } }', ['nope']],
      ['{ source(id: "nope") { id } }', ['nope']],
    ];
    for (const [query, ids] of cases) {
      const answer = await send(api, { body: { query } });
      expect({ query, code: answer.body.errors?.[0]?.extensions?.code, ids: answer.body.errors?.[0]?.extensions?.ids }).toEqual({
        query,
        code: 'NOT_FOUND',
        ids,
      });
    }
  });
});
