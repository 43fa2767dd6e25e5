import type { ServerResponse } from 'node:http';
import { serve as serveAt, type Handler } from '../test/http-server';
import { createGraphQLClient, isAbort, SteppeApiError } from './client';

const serve = (handler: Handler) => serveAt(handler, '/graphql');

/** A port nothing listens on: bind one, note it, release it. */
async function deadUrl(): Promise<string> {
  const { url, close } = await serve(() => {});
  await close();
  return url;
}

function json(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

async function failure(promise: Promise<unknown>): Promise<SteppeApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SteppeApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('createGraphQLClient', () => {
  const servers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((close) => close()));
  });
  async function api(handler: Handler) {
    const s = await serve(handler);
    servers.push(s.close);
    return s.url;
  }

  it('POSTs the document and variables as JSON and returns `data`', async () => {
    let seen: { method?: string; type?: string; body?: unknown } = {};
    const url = await api((req, body, res) => {
      seen = { method: req.method, type: req.headers['content-type'], body: JSON.parse(body) };
      json(res, 200, { data: { search: { totalCount: 1 } } });
    });
    const client = createGraphQLClient({ url });
    const data = await client.request<{ search: { totalCount: number } }>('query Q($q: String!) { search(query: $q) { totalCount } }', {
      q: 'Tokayev',
    });
    expect(data).toEqual({ search: { totalCount: 1 } });
    expect(seen.method).toBe('POST');
    expect(seen.type).toBe('application/json');
    expect(seen.body).toEqual({ query: 'query Q($q: String!) { search(query: $q) { totalCount } }', variables: { q: 'Tokayev' } });
  });

  it("says it can't reach the API, naming the URL, when nothing listens there", async () => {
    const url = await deadUrl();
    const error = await failure(createGraphQLClient({ url }).request('{ __typename }'));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toBe(`Can't reach the Steppe API at ${url}.`);
    expect(error.retryable).toBe(true);
  });

  it('turns GraphQL errors into one error carrying their messages and codes', async () => {
    const url = await api((_req, _body, res) =>
      json(res, 200, {
        errors: [{ message: 'Limit exceeded: `first` is 500, the maximum is 50.', extensions: { code: 'LIMIT_EXCEEDED' } }],
        data: null,
      }),
    );
    const error = await failure(createGraphQLClient({ url }).request('{ search(query: "x", first: 500) { totalCount } }'));
    expect(error.kind).toBe('graphql');
    expect(error.message).toBe('Limit exceeded: `first` is 500, the maximum is 50.');
    expect(error.details.codes).toEqual(['LIMIT_EXCEEDED']);
    expect(error.retryable).toBe(false);
  });

  it('carries the ids a NOT_FOUND error lists (what the graph does not hold)', async () => {
    const url = await api((_req, _body, res) =>
      json(res, 200, {
        errors: [
          { message: 'Unknown entity ids: imported-1, imported-2.', extensions: { code: 'NOT_FOUND', ids: ['imported-1', 'imported-2'] } },
        ],
        data: null,
      }),
    );
    const error = await failure(
      createGraphQLClient({ url }).request('{ subgraph(ids: ["csto", "imported-1", "imported-2"]) { nodes { id } } }'),
    );
    expect(error.details).toMatchObject({ codes: ['NOT_FOUND'], missingIds: ['imported-1', 'imported-2'] });
  });

  it('reports a database outage behind a live API as retryable', async () => {
    const url = await api((_req, _body, res) =>
      json(res, 503, {
        errors: [
          { message: 'The graph database is unavailable right now. Try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } },
        ],
      }),
    );
    const error = await failure(createGraphQLClient({ url }).request('{ entityKinds { kind } }'));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toContain('The graph database is unavailable right now.');
    expect(error.details.status).toBe(503);
    expect(error.retryable).toBe(true);
  });

  it('reports an HTTP error without a GraphQL body by its status', async () => {
    const url = await api((_req, _body, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    const error = await failure(createGraphQLClient({ url }).request('{ __typename }'));
    expect(error.kind).toBe('http');
    expect(error.message).toBe(`The Steppe API at ${url} answered HTTP 502 Bad Gateway.`);
  });

  it('refuses a 200 answer that is not GraphQL', async () => {
    const url = await api((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Some other app</title>');
    });
    const error = await failure(createGraphQLClient({ url }).request('{ __typename }'));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('Is it the Steppe API?');
  });

  it('gives up after the timeout with a timeout error', async () => {
    const url = await api(() => {
      /* never answers */
    });
    const error = await failure(createGraphQLClient({ url, timeoutMs: 150 }).request('{ __typename }'));
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
  });

  it('reports a cancelled request as aborted, not as an outage', async () => {
    const url = await api(() => {
      /* never answers */
    });
    const controller = new AbortController();
    const pending = createGraphQLClient({ url }).request('{ __typename }', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(isAbort(error)).toBe(true);
    expect(error.retryable).toBe(false);
  });

  it('uses an injected fetch', async () => {
    const fetchMock = jest.fn(async () => new Response(JSON.stringify({ data: { __typename: 'Query' } }), { status: 200 }));
    const client = createGraphQLClient({ url: 'http://api.invalid/graphql', fetch: fetchMock as unknown as typeof fetch });
    await expect(client.request('{ __typename }')).resolves.toEqual({ __typename: 'Query' });
    expect(fetchMock).toHaveBeenCalledWith('http://api.invalid/graphql', expect.objectContaining({ method: 'POST' }));
  });
});
