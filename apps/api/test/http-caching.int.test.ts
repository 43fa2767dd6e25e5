import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Driver } from 'neo4j-driver';
import { createDriver, resetGraph } from '@steppe/graph-store';
import { seedGraph } from '@steppe/graph-seed';
import { apiFor } from './helpers';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A plain node:http client: no automatic decompression, every header as sent. */
function send(port: number, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** HTTP behaviour over a real socket: ETag/304, Cache-Control, compression, OPTIONS/HEAD, health, the schema file. */
describe('HTTP over a real socket', () => {
  const graph = `http-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  let driver: Driver;
  let server: Server;
  let port: number;
  const QUERY = `/graphql?query=${encodeURIComponent('{ relationTypes { name label description count } }')}`;
  const ACCEPT = { accept: 'application/graphql-response+json' };

  beforeAll(async () => {
    driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    await seedGraph({ driver, graph });
    server = createServer(apiFor({ driver, graph }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }, 300_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await resetGraph(driver, graph);
    await driver.close();
  });

  it('answers GET with a strong ETag and Cache-Control, and 304 with no body when revalidated', async () => {
    const first = await send(port, QUERY, 'GET', ACCEPT);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const again = await send(port, QUERY, 'GET', { ...ACCEPT, 'if-none-match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    const other = await send(port, QUERY, 'GET', { ...ACCEPT, 'if-none-match': '"something-else"' });
    expect(other.status).toBe(200);
    expect(other.body.equals(first.body)).toBe(true);
    // the same answer, the same tag; a different query, another
    const different = await send(port, `/graphql?query=${encodeURIComponent('{ entityKinds { kind count } }')}`, 'GET', ACCEPT);
    expect(different.headers.etag).not.toBe(first.headers.etag);
  });

  it('does not let caches keep answers with errors', async () => {
    const res = await send(port, `/graphql?query=${encodeURIComponent('{ entity(id: "nope") { id } }')}`, 'GET', ACCEPT);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
  });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('compresses with %s when asked, with its own ETag that revalidates', async (encoding, decompress) => {
    const plain = await send(port, QUERY, 'GET', ACCEPT);
    const packed = await send(port, QUERY, 'GET', { ...ACCEPT, 'accept-encoding': encoding });
    expect(packed.headers['content-encoding']).toBe(encoding);
    expect(packed.headers.vary).toMatch(/Accept-Encoding/i);
    expect(packed.body.length).toBeLessThan(plain.body.length / 2);
    expect(decompress(packed.body).equals(plain.body)).toBe(true);
    expect(packed.headers.etag).not.toBe(plain.headers.etag);
    const revalidated = await send(port, QUERY, 'GET', { ...ACCEPT, 'accept-encoding': encoding, 'if-none-match': packed.headers.etag! });
    expect(revalidated.status).toBe(304);
  });

  it('compresses POST answers too, and leaves small ones alone', async () => {
    const body = JSON.stringify({ query: '{ relationTypes { name description } }' });
    const res = await new Promise<Raw>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: { ...ACCEPT, 'content-type': 'application/json', 'accept-encoding': 'gzip' },
        },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks) }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.body).toString('utf8')).data.relationTypes.length).toBeGreaterThan(10);
    const small = await send(port, '/healthz', 'GET', { 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('answers OPTIONS with Allow, HEAD with the GET headers and no body, other methods with 405 and Allow', async () => {
    const options = await send(port, '/graphql', 'OPTIONS');
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
    const get = await send(port, QUERY, 'GET', ACCEPT);
    const head = await send(port, QUERY, 'HEAD', ACCEPT);
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    const put = await send(port, '/graphql', 'PUT');
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
  });

  it('answers /healthz and /readyz with a small JSON body', async () => {
    const health = await send(port, '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString('utf8'))).toMatchObject({ status: 'ok', version: expect.any(String) });
    const ready = await send(port, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body.toString('utf8'))).toEqual({ ready: true, neo4j: 'reachable' });
  });
});
