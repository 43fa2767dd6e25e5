import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { createApi } from '../src/create-api';
import { createApiServer, DEFAULT_HTTP_POLICY, type HttpPolicy } from '../src/http';
import { createReadinessProbe } from '../src/http/readiness';
import { quietLogger, unreachableDriver } from './helpers';

/**
 * The HTTP layer's guards on a real server (node's http, a free loopback
 * port), as main.ts runs it, with Neo4j down: every check here holds before
 * any Cypher runs.
 */
const WEB = 'http://localhost:3000';

async function serve(
  policy: Partial<HttpPolicy> = {},
): Promise<{ server: Server; base: string; port: number; close: () => Promise<void> }> {
  const driver = unreachableDriver();
  const full = { ...DEFAULT_HTTP_POLICY, ...policy };
  const yoga = createApi({ driver, logger: quietLogger, corsOrigins: [WEB], httpPolicy: full });
  const server = createApiServer(yoga, full);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver.close();
    },
  };
}

const query = JSON.stringify({ query: '{ __typename }' });
const post = (base: string, headers: Record<string, string> = {}, body = query) =>
  fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

/** Sends raw bytes, returns what the server answered before closing (or '' if it just closed). */
function raw(port: number, write: (socket: Socket) => void, waitMs = 5_000): Promise<{ text: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const done = () => resolve({ text, ms: Date.now() - started });
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('close', done);
    socket.on('error', () => {});
    socket.setTimeout(waitMs, () => socket.destroy());
    socket.on('connect', () => write(socket));
  });
}

describe('CORS from the allow-list', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => (s = await serve()));
  afterAll(() => s.close());

  it('echoes an allowed origin, without credentials, and varies on Origin', async () => {
    const res = await post(s.base, { origin: WEB });
    expect(res.headers.get('access-control-allow-origin')).toBe(WEB);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it.each(['null', 'https://evil.example', 'http://localhost:3001'])(
    'gives origin %s no CORS headers at all (never null, never credentials)',
    async (origin) => {
      for (const res of [await post(s.base, { origin }), await fetch(`${s.base}/export?ids=x&format=csv`, { headers: { origin } })]) {
        expect(res.headers.get('access-control-allow-origin')).toBeNull();
        expect(res.headers.get('access-control-allow-credentials')).toBeNull();
        expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
      }
    },
  );

  it('answers a preflight from an allowed origin with the methods and headers, and one from another origin without them', async () => {
    const ok = await fetch(`${s.base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: WEB, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe(WEB);
    expect(ok.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    const no = await fetch(`${s.base}/export`, { method: 'OPTIONS', headers: { origin: 'null', 'access-control-request-method': 'POST' } });
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
    expect(no.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('varies on Origin when the request has none', async () => {
    expect((await post(s.base)).headers.get('vary')).toMatch(/\bOrigin\b/);
  });
});

describe('security headers', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => (s = await serve()));
  afterAll(() => s.close());

  it('puts a no-content CSP and the usual headers on JSON, errors and exports', async () => {
    for (const res of [await post(s.base), await fetch(`${s.base}/export?format=nope`), await fetch(`${s.base}/healthz`)]) {
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it("allows GraphiQL's inline script by its hash and nothing inline besides, and forbids framing it", async () => {
    const res = await fetch(`${s.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
      (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
    );
    expect(inline.length).toBeGreaterThan(0);
    const scriptSrc =
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('script-src')) ?? '';
    for (const hash of inline) expect(scriptSrc).toContain(hash);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it("lets GraphiQL's page load nothing from a host other than the API's", async () => {
    const res = await fetch(`${s.base}/graphql`, { headers: { accept: 'text/html' } });
    const csp = res.headers.get('content-security-policy') ?? '';
    await res.arrayBuffer();
    // every source expression is a keyword, a hash, or a scheme of local data: no host, no scheme that names one
    const sources = csp.split(';').flatMap((d) => d.trim().split(/\s+/).slice(1));
    expect(sources.length).toBeGreaterThan(0);
    const foreign = sources.filter((src) => !/^'[^']+'$/.test(src) && !['data:', 'blob:'].includes(src));
    expect(foreign).toEqual([]);
  });
});

describe('request bodies are capped before they are read', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => (s = await serve({ GRAPHQL_MAX_BODY_BYTES: 4_096 })));
  afterAll(() => s.close());

  it('refuses a declared 20 MB body with 413 at once, without waiting for a byte of it', async () => {
    for (const path of ['/graphql', '/export']) {
      const { text, ms } = await raw(s.port, (socket) =>
        socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\n\r\n`),
      );
      expect(text).toMatch(/^HTTP\/1\.1 413/);
      expect(text).toMatch(/PAYLOAD_TOO_LARGE/);
      expect(ms).toBeLessThan(2_000);
    }
  });

  it('stops reading a chunked body at the limit and answers 413', async () => {
    const { text } = await raw(s.port, (socket) => {
      socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
      const chunk = 'x'.repeat(1_000);
      for (let i = 0; i < 10; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    });
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    expect(text).toMatch(/GRAPHQL_MAX_BODY_BYTES/);
  });

  it('serves a body under the limit as before', async () => {
    const res = await post(s.base);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('per-client rate limit', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => (s = await serve({ RATE_LIMIT_BURST: 5, RATE_LIMIT_PER_SECOND: 1, RATE_LIMIT_EXPORT_COST: 3 })));
  afterAll(() => s.close());

  it('tells the client its budget, and answers 429 with Retry-After when it is spent', async () => {
    const first = await post(s.base);
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('5');
    expect(first.headers.get('ratelimit-remaining')).toBe('4');
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    // An export costs 3 of the remaining 4.
    const exp = await fetch(`${s.base}/export?format=nope`);
    expect(exp.headers.get('ratelimit-remaining')).toBe('1');
    await post(s.base);
    const limited = await post(s.base);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(((await limited.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
    // The health endpoints are not rate-limited.
    expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
  });
});

describe('connection-level limits', () => {
  it('cuts off a client that sends its request 1 byte per 200 ms after the request timeout', async () => {
    const s = await serve({ HEADERS_TIMEOUT_MS: 1_000, REQUEST_BODY_TIMEOUT_MS: 2_000 });
    try {
      const { text, ms } = await raw(
        s.port,
        (socket) => {
          socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
          const drip = setInterval(() => (socket.writable ? socket.write('x') : clearInterval(drip)), 200);
          socket.on('close', () => clearInterval(drip));
        },
        15_000,
      );
      expect(text).toMatch(/^HTTP\/1\.1 408/);
      expect(ms).toBeGreaterThanOrEqual(1_900);
      expect(ms).toBeLessThan(4_500);
    } finally {
      await s.close();
    }
  });

  it('closes connections past MAX_CONNECTIONS at once', async () => {
    const s = await serve({ MAX_CONNECTIONS: 2 });
    const open: Socket[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const socket = connect(s.port, '127.0.0.1');
        await new Promise((r) => socket.on('connect', r));
        open.push(socket);
      }
      await new Promise((r) => setTimeout(r, 100));
      const third = await raw(s.port, (socket) => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'), 3_000);
      expect(third.text).toBe('');
      expect(third.ms).toBeLessThan(2_000);
      for (const socket of open) socket.destroy();
      await new Promise((r) => setTimeout(r, 100));
      const again = await fetch(`${s.base}/healthz`);
      expect(again.status).toBe(200);
    } finally {
      for (const socket of open) socket.destroy();
      await s.close();
    }
  });
});

describe('/readyz answers in time whatever Neo4j does', () => {
  it('says not ready within the bound while the check hangs, shares one check, and reuses a result', async () => {
    let checks = 0;
    let release: () => void = () => {};
    const probe = createReadinessProbe(
      () => {
        checks++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      { timeoutMs: 300, cacheMs: 60_000 },
    );
    const started = Date.now();
    const [a, b] = await Promise.all([probe(), probe()]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(a).toEqual({ ready: false, reason: 'Neo4j did not answer within 300 ms' });
    expect(b.ready).toBe(false);
    expect(checks).toBe(1);
    release();
    await new Promise((r) => setImmediate(r));
    expect(await probe()).toEqual({ ready: true });
    expect(checks).toBe(1);
  });

  it('answers 503 with Retry-After over HTTP while Neo4j is down', async () => {
    const s = await serve();
    try {
      const res = await fetch(`${s.base}/readyz`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
    } finally {
      await s.close();
    }
  });
});

describe('queries when Neo4j is unreachable', () => {
  it('fail with SERVICE_UNAVAILABLE and Retry-After', async () => {
    const s = await serve();
    try {
      const started = Date.now();
      const res = await post(
        s.base,
        { accept: 'application/graphql-response+json' },
        JSON.stringify({ query: '{ search(query: "x") { totalCount } }' }),
      );
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await s.close();
    }
  });
});

describe('suggestions in validation errors (README, Security)', () => {
  it('hides field and argument names, and keeps suggestions of enum values, which the vocabulary publishes anyway', async () => {
    const s = await serve();
    try {
      const messages = async (q: string) =>
        (((await (await post(s.base, {}, JSON.stringify({ query: q }))).json()) as { errors: { message: string }[] }).errors ?? [])
          .map((e) => e.message)
          .join('\n');
      expect(await messages('{ serch(query: "x") { totalCount } }')).toMatch(
        /Cannot query field "serch" on type "Query"\. \[Suggestion hidden\]/,
      );
      expect(await messages('{ search(qury: "x") { totalCount } }')).toMatch(
        /Unknown argument "qury" on field "Query.search"\. \[Suggestion hidden\]/,
      );
      expect(await messages('{ search(query: "x") { totalCont } }')).not.toMatch(/Did you mean/);
      expect(await messages('{ search(query: "x", kinds: [Persn]) { totalCount } }')).toMatch(/Did you mean the enum value "Person"\?/);
    } finally {
      await s.close();
    }
  });
});
