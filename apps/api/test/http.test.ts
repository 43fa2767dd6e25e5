import { apiFor, gql, unreachableDriver, type Api } from './helpers';

/**
 * HTTP behaviour, guardrails and the Neo4j-down path. These run against a
 * driver that points at a closed port, so no database is involved: every
 * check here must hold before any Cypher is run, or when Neo4j is down.
 */
describe('API over HTTP without a database', () => {
  const driver = unreachableDriver();
  let api: Api;
  beforeAll(() => {
    api = apiFor({ driver });
  });
  afterAll(() => driver.close());

  it('answers /healthz while Neo4j is down, and /readyz with 503', async () => {
    expect((await api.fetch('http://api.test/healthz')).status).toBe(200);
    const ready = await api.fetch('http://api.test/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false });
  });

  it('reports an unreachable database as a clear SERVICE_UNAVAILABLE error', async () => {
    const res = await gql(api, '{ search(query: "Tokayev") { totalCount } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.body.errors?.[0]?.message).toMatch(/unavailable/i);
  });

  it('serves queries over GET', async () => {
    const res = await api.fetch('http://api.test/graphql?query=' + encodeURIComponent('{ __typename }'), {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a mutation over GET with 405 and OPERATION_NOT_SUPPORTED (the API is read-only)', async () => {
    // A GET can be triggered cross-site by a link or an <img>: nothing may write through it (and nothing writes at all).
    const res = await api.fetch('http://api.test/graphql?query=' + encodeURIComponent('mutation { __typename }'), {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.extensions.code).toBe('OPERATION_NOT_SUPPORTED');
    expect(body.errors[0]!.message).toMatch(/read-only: a `mutation` cannot run here/);
  });

  it('rejects a body that is not JSON with 400', async () => {
    const res = await api.fetch('http://api.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
  });

  it('rejects batched requests', async () => {
    const res = await api.fetch('http://api.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    // 400, the client's fault: a 500 here would mean the batch crashed the server instead.
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/Batching is not supported/);
  });

  it('refuses deep nesting before touching the database', async () => {
    const deep =
      '{ entity(id: "x") { relations { edges { node { from { relations { edges { node { to { relations { edges { node { id } } } } } } } } } } } } }';
    const res = await gql(api, deep);
    expect(res.body.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses alias floods', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: entityKinds { kind }`).join(' ');
    const res = await gql(api, `{ ${aliases} }`);
    expect(res.body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('gives precise messages for bad arguments', async () => {
    const tooMany = await gql(api, '{ search(query: "a", first: 51) { totalCount } }');
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(tooMany.body.errors?.[0]?.message).toMatch(/maximum is 50/);

    const badCursor = await gql(api, '{ search(query: "a", after: "nonsense") { totalCount } }');
    expect(badCursor.body.errors?.[0]?.message).toMatch(/Invalid cursor/);

    const empty = await gql(api, '{ search(query: "   ") { totalCount } }');
    expect(empty.body.errors?.[0]?.message).toMatch(/must not be empty/);

    const unknownType = await gql(api, '{ entity(id: "x") { relations(types: [NOT_A_TYPE]) { totalCount } } }');
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.errors?.[0]?.message).toMatch(/NOT_A_TYPE/);
  });

  it('refuses queries whose cost is too high before touching the database, saying what to lower', async () => {
    const res = await gql(
      api,
      '{ search(query: "a", first: 50) { edges { node { relations(first: 100) { edges { node { to { relations(first: 100) { edges { node { id } } } } } } } } } } }',
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 250_000 });
    expect(res.body.errors?.[0]?.message).toMatch(
      /the cost limit is 250,000\. Lower one of the page sizes that multiply it: `search\(first: 50\)` × `search\.edges\.node\.relations\(first: 100\)`/,
    );
  });

  it('does not suggest field names to probers', async () => {
    const res = await gql(api, '{ serch(query: "a") { totalCount } }');
    expect(res.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('allows only configured browser origins', async () => {
    const allowed = await api.fetch('http://api.test/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const other = await api.fetch('http://api.test/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' },
    });
    // Never the prober's origin and never "*": a browser then refuses the response to that page.
    const granted = other.headers.get('access-control-allow-origin');
    expect(granted === null || ['http://localhost:3000', 'http://127.0.0.1:3000'].includes(granted)).toBe(true);
  });
});
