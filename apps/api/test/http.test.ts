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

  it('serves queries over GET and refuses mutations-by-GET semantics for unknown operations', async () => {
    const res = await api.fetch('http://api.test/graphql?query=' + encodeURIComponent('{ __typename }'), {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
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
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses deep nesting before touching the database', async () => {
    const deep = '{ entity(id: "x") { relations { edges { node { from { relations { edges { node { to { relations { edges { node { id } } } } } } } } } } } } }';
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

  it('refuses queries whose estimated cost is too high', async () => {
    const res = await gql(api, '{ search(query: "a", first: 5000) { edges { node { relations(first: 100) { totalCount } } } } }');
    expect(res.body.errors?.[0]?.message).toMatch(/Cost limit/);
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
    expect(other.headers.get('access-control-allow-origin')).not.toBe('http://evil.test');
  });
});
