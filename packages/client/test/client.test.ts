import { createClient, EntityDocument, SearchDocument, SourcesDocument, SteppeClientError } from '../src';

interface Sent {
  url: string;
  init: RequestInit;
}

/** A fetch that records what it was sent and answers with the given status and body. */
function answering(status: number, body: unknown, contentType = 'application/graphql-response+json') {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': contentType } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, sent };
}

const URL_ = 'http://api.test/graphql';

describe('createClient', () => {
  it('POSTs the document and variables as JSON and returns data', async () => {
    const data = { search: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [], suggestions: [] } };
    const { fetch, sent } = answering(200, { data });
    const client = createClient(URL_, { fetch, headers: { authorization: 'Bearer t' } });
    const answer = await client.request(SearchDocument, { query: 'tokayev', first: 3 });
    expect(answer).toEqual(data);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(URL_);
    expect(sent[0]!.init.method).toBe('POST');
    const headers = sent[0]!.init.headers as Record<string, string>;
    expect(headers['content-type']).toBe('application/json');
    expect(headers.accept).toContain('application/graphql-response+json');
    expect(headers.authorization).toBe('Bearer t');
    const body = JSON.parse(sent[0]!.init.body as string) as { query: string; variables: unknown };
    expect(body.query).toBe(SearchDocument);
    expect(body.query).toContain('fragment EntityCore on Entity');
    expect(body.variables).toEqual({ query: 'tokayev', first: 3 });
  });

  it('calls a headers function per request and lets request headers override', async () => {
    const { fetch, sent } = answering(200, { data: { sources: [] } });
    let n = 0;
    const client = createClient(URL_, { fetch, headers: async () => ({ authorization: `Bearer ${++n}`, 'x-a': 'client' }) });
    await client.request(SourcesDocument);
    await client.request(SourcesDocument, {}, { headers: { 'x-a': 'request' } });
    const h = sent.map((s) => s.init.headers as Record<string, string>);
    expect(h.map((x) => x.authorization)).toEqual(['Bearer 1', 'Bearer 2']);
    expect(h.map((x) => x['x-a'])).toEqual(['client', 'request']);
    expect(JSON.parse(sent[0]!.init.body as string).variables).toEqual({});
  });

  it('turns GraphQL errors into a SteppeClientError carrying extensions.code, even with partial data', async () => {
    const errors = [{ message: 'No entity "nope".', path: ['entity'], extensions: { code: 'NOT_FOUND', ids: ['nope'] } }];
    const { fetch } = answering(200, { data: { entity: null }, errors });
    const error = await createClient(URL_, { fetch })
      .request(EntityDocument, { id: 'nope' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SteppeClientError);
    expect(error).toBeInstanceOf(Error);
    const e = error as SteppeClientError;
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toBe('NOT_FOUND: No entity "nope".');
    expect(e.errors).toEqual(errors);
    expect(e.status).toBe(200);
    expect(e.data).toEqual({ entity: null });
  });

  it('keeps the code of a 4xx GraphQL answer and counts further errors in the message', async () => {
    const errors = [
      { message: 'Variable "$first" got invalid value "x".', extensions: { code: 'BAD_USER_INPUT' } },
      { message: 'second', extensions: { code: 'BAD_USER_INPUT' } },
    ];
    const { fetch } = answering(400, { errors });
    const e = (await createClient(URL_, { fetch })
      .request(SearchDocument, { query: 'x' })
      .catch((x: unknown) => x)) as SteppeClientError;
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/and 1 more error\)$/);
  });

  it('gives HTTP_ERROR for an HTTP error without a GraphQL body, INVALID_RESPONSE for a body that is not GraphQL', async () => {
    const http = (await createClient(URL_, { fetch: answering(502, 'Bad gateway', 'text/plain').fetch })
      .request(SourcesDocument)
      .catch((x: unknown) => x)) as SteppeClientError;
    expect([http.code, http.status]).toEqual(['HTTP_ERROR', 502]);
    expect(http.message).toContain('Bad gateway');
    const invalid = (await createClient(URL_, { fetch: answering(200, '<html></html>', 'text/html').fetch })
      .request(SourcesDocument)
      .catch((x: unknown) => x)) as SteppeClientError;
    expect(invalid.code).toBe('INVALID_RESPONSE');
  });

  it('gives NETWORK_ERROR when nothing answers, and passes a cancellation through unchanged', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const e = (await createClient(URL_, { fetch: refused })
      .request(SourcesDocument)
      .catch((x: unknown) => x)) as SteppeClientError;
    expect(e.code).toBe('NETWORK_ERROR');
    expect(e.cause).toBeInstanceOf(TypeError);

    const controller = new AbortController();
    controller.abort();
    const aborted = await createClient('http://127.0.0.1:9/graphql')
      .request(SourcesDocument, {}, { signal: controller.signal })
      .catch((x: unknown) => x);
    expect(aborted).not.toBeInstanceOf(SteppeClientError);
    expect((aborted as Error).name).toBe('AbortError');
  });
});

describe('types', () => {
  it('infer the answer from the document and check the variables (tsc checks this file)', async () => {
    const { fetch } = answering(200, { data: { sources: [{ id: 's1', title: 'T', languages: ['en'], relationCount: 2 }] } });
    const client = createClient(URL_, { fetch });
    const { sources } = await client.request(SourcesDocument);
    const first: string = sources[0]!.title;
    expect(first).toBe('T');
    // @ts-expect-error `query` is required by Search
    await expect(client.request(SearchDocument, { first: 1 })).resolves.toBeDefined();
    // @ts-expect-error Entity has a required variable, so variables cannot be left out
    await expect(client.request(EntityDocument)).resolves.toBeDefined();
  });
});
