/**
 * Sign-in and per-graph access against a real Neo4j holding two graphs, with
 * API keys and with JWT access tokens from a real OpenID provider
 * (oidc-provider, started by the test as its own process: test/oidc).
 */
import type { Driver } from 'neo4j-driver';
import { createDriver, loadGraph, resetGraph } from '@steppe/graph-store';
import { seedGraph, syntheticGraph } from '@steppe/graph-seed';
import { newApiKey, parseAuthConfig, type AuthConfig } from '../src/auth';
import { apiFor, type Api } from './helpers';
import { API_AUDIENCE, startTestIssuer, type TestIssuer } from './oidc/start';

const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
/** The curated dataset (Tokayev & co.) and a small synthetic graph: two datasets with different entities. */
const A = `auth-a-${suffix}`;
const B = `auth-b-${suffix}`;
/** Served by nobody, loaded by nobody: what "does not exist" answers. */
const NOPE = `auth-nope-${suffix}`;

const keys = {
  readerA: newApiKey(),
  exporterA: newApiKey(),
  onlyB: newApiKey(),
  everything: newApiKey(),
};

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function ask(api: Api, query: string, headers: Record<string, string> = {}, method: 'GET' | 'POST' = 'POST'): Promise<Answer> {
  const init: RequestInit = { method, headers: { accept: 'application/graphql-response+json', ...headers } };
  let url = 'http://api.test/graphql';
  if (method === 'POST') {
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
    init.body = JSON.stringify({ query });
  } else {
    url += `?query=${encodeURIComponent(query)}`;
  }
  const res = await api.fetch(url, init);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

async function exportJson(api: Api, headers: Record<string, string>, ids = 'kassym-jomart-tokayev') {
  const res = await api.fetch(`http://api.test/export?ids=${ids}&depth=1&format=json`, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const STATS = '{ stats { entities } }';

/** The parts of a refusal a caller can observe, with the graph name it echoes replaced: equal for "forbidden" and "missing". */
function observable(a: { status: number; headers: Headers; body?: unknown; text?: string }, graph: string) {
  const body = JSON.stringify(a.body ?? JSON.parse(a.text!))
    .split(graph)
    .join('<graph>');
  const headers = [...a.headers.entries()].filter(
    ([name]) => !['date', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit', 'content-length'].includes(name),
  );
  return { status: a.status, headers, body };
}

describe('sign-in and per-graph access', () => {
  let driver: Driver;
  let issuer: TestIssuer;
  let rogue: TestIssuer;
  let auth: AuthConfig;
  let api: Api;
  let entitiesA: number;
  let entitiesB: number;

  beforeAll(async () => {
    driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    await seedGraph({ driver, graph: A });
    await loadGraph(driver, syntheticGraph(30, 7, 2), { graph: B });
    const tokenGraphs = { robot: [A], 'robot-short': [A] };
    [issuer, rogue] = await Promise.all([startTestIssuer({ graphs: tokenGraphs }), startTestIssuer({ graphs: { robot: [A, B] } })]);
    auth = parseAuthConfig({
      apiKeys: [
        { name: 'reader-a', sha256: keys.readerA.sha256, graphs: [A] },
        { name: 'exporter-a', sha256: keys.exporterA.sha256, graphs: [A], export: true },
        { name: 'only-b', sha256: keys.onlyB.sha256, graphs: [B] },
        { name: 'everything', sha256: keys.everything.sha256, graphs: ['*'], export: true },
      ],
      oidc: {
        issuer: issuer.issuer,
        audience: API_AUDIENCE,
        clockToleranceSeconds: 0,
        explorer: { clientId: 'steppe-explorer', scope: 'openid profile steppe:export' },
      },
    });
    api = apiFor({ driver, graph: A, graphs: [B], auth });
    const direct = apiFor({ driver, graph: A, graphs: [B] });
    entitiesA = ((await ask(direct, STATS)).body.data!.stats as { entities: number }).entities;
    entitiesB = ((await ask(direct, STATS, { 'x-steppe-graph': B })).body.data!.stats as { entities: number }).entities;
  }, 300_000);

  afterAll(async () => {
    await Promise.all([issuer?.stop(), rogue?.stop()]);
    await resetGraph(driver, A);
    await resetGraph(driver, B);
    await driver.close();
  });

  it('serves two different graphs when sign-in is off (the test’s ground truth)', () => {
    expect(entitiesA).toBeGreaterThan(30);
    expect(entitiesB).toBe(30);
  });

  describe('API keys', () => {
    it('no credential when sign-in is required: 401, WWW-Authenticate: Bearer, UNAUTHENTICATED, no data', async () => {
      const res = await ask(api, STATS);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="steppe"');
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.body.errors?.[0]?.message).toMatch(/Sign-in is required: send an API key/);
      expect(res.body).not.toHaveProperty('data');
      // The same over GET, and for an export.
      expect((await ask(api, STATS, {}, 'GET')).status).toBe(401);
      const exp = await exportJson(api, {});
      expect([exp.status, exp.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="steppe"']);
    });

    it('an unknown key: 401 with error="invalid_token"', async () => {
      const res = await ask(api, STATS, { 'x-api-key': newApiKey().key });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="steppe", error="invalid_token"/);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('an allowed graph: the key reads it, by X-Api-Key or as a bearer token, by default or by name', async () => {
      const ways: Record<string, string>[] = [
        { 'x-api-key': keys.readerA.key },
        bearer(keys.readerA.key),
        { 'x-api-key': keys.readerA.key, 'x-steppe-graph': A },
      ];
      for (const headers of ways) {
        const res = await ask(api, STATS, headers);
        expect(res.status).toBe(200);
        expect(res.body.data).toEqual({ stats: { entities: entitiesA } });
      }
      const tokayev = await ask(api, '{ entity(id: "kassym-jomart-tokayev") { name } }', { 'x-api-key': keys.readerA.key });
      expect(tokayev.body.data).toEqual({ entity: { name: 'Kassym-Jomart Tokayev' } });
    });

    it('a forbidden graph answers exactly like a graph that does not exist (GraphQL, GET and POST, and /export)', async () => {
      for (const method of ['POST', 'GET'] as const) {
        const forbidden = await ask(api, STATS, { 'x-api-key': keys.readerA.key, 'x-steppe-graph': B }, method);
        const missing = await ask(api, STATS, { 'x-api-key': keys.readerA.key, 'x-steppe-graph': NOPE }, method);
        expect(forbidden.status).toBe(404);
        expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('GRAPH_NOT_FOUND');
        expect(observable(forbidden, B)).toEqual(observable(missing, NOPE));
      }
      const forbidden = await exportJson(api, { 'x-api-key': keys.exporterA.key, 'x-steppe-graph': B });
      const missing = await exportJson(api, { 'x-api-key': keys.exporterA.key, 'x-steppe-graph': NOPE });
      expect(forbidden.status).toBe(404);
      expect(observable(forbidden, B)).toEqual(observable(missing, NOPE));
    });

    it('a key that may read only another graph gets that graph by default, and the default graph is not found for it', async () => {
      const res = await ask(api, STATS, { 'x-api-key': keys.onlyB.key });
      expect(res.body.data).toEqual({ stats: { entities: entitiesB } });
      const asked = await ask(api, STATS, { 'x-api-key': keys.onlyB.key, 'x-steppe-graph': A });
      expect(asked.body.errors?.[0]?.extensions?.code).toBe('GRAPH_NOT_FOUND');
    });

    it('"*" grants every served graph, and only served ones', async () => {
      expect((await ask(api, STATS, { 'x-api-key': keys.everything.key, 'x-steppe-graph': B })).body.data).toEqual({
        stats: { entities: entitiesB },
      });
      expect((await ask(api, STATS, { 'x-api-key': keys.everything.key, 'x-steppe-graph': NOPE })).status).toBe(404);
    });

    it('export permission: a read-only key gets 403 FORBIDDEN, an exporting key gets the file', async () => {
      const refused = await exportJson(api, { 'x-api-key': keys.readerA.key });
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text)).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
      expect(JSON.parse(refused.text).errors[0].message).toMatch(/"reader-a" may read this graph but not export it/);
      const file = await exportJson(api, { 'x-api-key': keys.exporterA.key });
      expect(file.status).toBe(200);
      expect(file.text).toContain('Kassym-Jomart Tokayev');
    });

    it('exports only from the granted graph: the same ids in the other graph are not found', async () => {
      const res = await exportJson(api, { 'x-api-key': keys.everything.key, 'x-steppe-graph': B });
      expect(res.status).toBe(404);
      expect(JSON.parse(res.text)).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND', ids: ['kassym-jomart-tokayev'] } }] });
    });

    it('answers are private to whoever asked: Cache-Control private, Vary on the credential and the graph', async () => {
      const res = await ask(api, STATS, { 'x-api-key': keys.readerA.key }, 'GET');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toMatch(/^private/);
      expect(res.headers.get('vary')).toEqual(expect.stringContaining('Authorization'));
      expect(res.headers.get('vary')).toEqual(expect.stringContaining('X-Api-Key'));
      expect(res.headers.get('vary')).toEqual(expect.stringContaining('X-Steppe-Graph'));
    });

    it('GET /auth/me says who the key is and what it reads; GET /auth/config is public', async () => {
      const me = await api.fetch('http://api.test/auth/me', { headers: { 'x-api-key': keys.onlyB.key } });
      expect(await me.json()).toEqual({ kind: 'api-key', name: 'only-b', graphs: [B], export: false, defaultGraph: B });
      expect((await api.fetch('http://api.test/auth/me')).status).toBe(401);
      const config = await api.fetch('http://api.test/auth/config');
      expect(await config.json()).toEqual({
        signInRequired: true,
        apiKeys: true,
        graphHeader: 'x-steppe-graph',
        oidc: { issuer: issuer.issuer, clientId: 'steppe-explorer', scope: 'openid profile steppe:export' },
      });
    });

    it('the health probes and the schema stay open', async () => {
      expect((await api.fetch('http://api.test/healthz')).status).toBe(200);
      expect((await api.fetch('http://api.test/schema.graphql')).status).toBe(200);
    });
  });

  describe('OpenID Connect access tokens', () => {
    it('an allowed graph: a token naming it in steppe_graphs reads it', async () => {
      const token = await issuer.token('robot');
      const res = await ask(api, STATS, bearer(token));
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ stats: { entities: entitiesA } });
      const me = await api.fetch('http://api.test/auth/me', { headers: bearer(token) });
      expect(await me.json()).toMatchObject({ kind: 'oidc', name: 'robot', graphs: [A], export: false });
    });

    it('a forbidden graph answers exactly like one that does not exist', async () => {
      const token = await issuer.token('robot');
      const forbidden = await ask(api, STATS, { ...bearer(token), 'x-steppe-graph': B });
      const missing = await ask(api, STATS, { ...bearer(token), 'x-steppe-graph': NOPE });
      expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('GRAPH_NOT_FOUND');
      expect(observable(forbidden, B)).toEqual(observable(missing, NOPE));
    });

    it('an expired token: 401, "expired"', async () => {
      const token = await issuer.token('robot-short');
      // Valid while it lives…
      expect((await ask(api, STATS, bearer(token))).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2_100));
      const res = await ask(api, STATS, bearer(token));
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0]?.message).toMatch(/the token has expired/);
      expect(res.headers.get('www-authenticate')).toBe(
        'Bearer realm="steppe", error="invalid_token", error_description="the token has expired"',
      );
    });

    it('a token for another audience: 401', async () => {
      const token = await issuer.token('robot', { resource: 'https://other.test/api' });
      const res = await ask(api, STATS, bearer(token));
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0]?.message).toMatch(/not meant for this API/);
    });

    it('a token from another issuer, and a token whose claims were altered: 401, the signature does not verify', async () => {
      const foreign = await rogue.token('robot');
      const res = await ask(api, STATS, bearer(foreign));
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0]?.message).toMatch(/signature does not verify|not issued by/);
      // A genuine token with B added to its graphs: same header and signature, different payload.
      const [header, payload, signature] = (await issuer.token('robot')).split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
      const altered = [header, Buffer.from(JSON.stringify({ ...claims, steppe_graphs: [A, B] })).toString('base64url'), signature].join(
        '.',
      );
      const tampered = await ask(api, STATS, { ...bearer(altered), 'x-steppe-graph': B });
      expect(tampered.status).toBe(401);
      expect(tampered.body.errors?.[0]?.message).toMatch(/signature does not verify/);
    });

    it('not a JWT at all: 401', async () => {
      const res = await ask(api, STATS, bearer('not-a-token'));
      expect([res.status, res.body.errors?.[0]?.message]).toEqual([
        401,
        'The bearer token was refused: the token is not a valid signed JWT.',
      ]);
    });

    it('export permission: the steppe:export scope exports, a token without it gets 403', async () => {
      const without = await exportJson(api, bearer(await issuer.token('robot')));
      expect(without.status).toBe(403);
      expect(JSON.parse(without.text).errors[0].message).toMatch(/exporting needs the "steppe:export" scope/);
      const withScope = await exportJson(api, bearer(await issuer.token('robot', { scope: 'steppe:export' })));
      expect(withScope.status).toBe(200);
      expect(withScope.text).toContain('Kassym-Jomart Tokayev');
    });
  });

  describe('sign-in off (local use)', () => {
    it('needs no credential and ignores one; a graph not served is not found', async () => {
      const open = apiFor({ driver, graph: A, graphs: [B] });
      expect((await ask(open, STATS)).body.data).toEqual({ stats: { entities: entitiesA } });
      expect((await ask(open, STATS, { 'x-api-key': 'stp_whatever' })).status).toBe(200);
      expect((await ask(open, STATS, { 'x-steppe-graph': NOPE })).body.errors?.[0]?.extensions?.code).toBe('GRAPH_NOT_FOUND');
      const res = await ask(open, STATS, {}, 'GET');
      expect(res.headers.get('cache-control')).toMatch(/^public/);
      const config = await open.fetch('http://api.test/auth/config');
      expect(await config.json()).toMatchObject({ signInRequired: false, oidc: null });
    });
  });
});
