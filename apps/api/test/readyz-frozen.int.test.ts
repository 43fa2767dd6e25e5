import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '@steppe/graph-store';
import { startLocalNeo4j, type LocalNeo4j } from '@steppe/neo4j-local';
import { createApi } from '../src/create-api';
import { createApiServer, DEFAULT_HTTP_POLICY } from '../src/http';
import { quietLogger } from './helpers';

jest.setTimeout(180_000);

/**
 * /readyz under a frozen Neo4j: a Neo4j of this test's own (so that stopping
 * its JVM disturbs no other test), its JVM stopped with SIGSTOP — the TCP
 * port still accepts connections, nothing answers — then continued.
 */
let neo4j: LocalNeo4j;
let dir: string;
let driver: Driver;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-frozen-'));
  neo4j = await startLocalNeo4j({ port: 0, dataDir: dir, heap: '256m', pageCache: '32m' });
  driver = createDriver(neo4j, { connectionTimeoutMs: 2_000, maxRetryTimeMs: 1_000 });
  const yoga = createApi({ driver, logger: quietLogger, requestTimeoutMs: 4_000 });
  server = createApiServer(yoga, DEFAULT_HTTP_POLICY);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (neo4j) process.kill(neo4j.pid, 'SIGCONT');
  server?.closeAllConnections();
  server?.close();
  await driver?.close();
  await neo4j?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function timed(url: string, init?: RequestInit) {
  const started = Date.now();
  const res = await fetch(url, init);
  const body = await res.text();
  return { status: res.status, body, ms: Date.now() - started, retryAfter: res.headers.get('retry-after') };
}

it('answers /readyz within 2 s while the JVM is stopped, queries fail within their budget, and it is ready again once continued', async () => {
  // Ready, with connections in the driver's pool (a fresh JVM may take a few checks to answer in time).
  let before = 0;
  for (let i = 0; i < 30 && before !== 200; i++) {
    before = (await timed(`${base}/readyz`)).status;
    if (before !== 200) await new Promise((r) => setTimeout(r, 1_000));
  }
  expect(before).toBe(200);
  await new Promise((r) => setTimeout(r, 1_100));

  process.kill(neo4j.pid, 'SIGSTOP');
  try {
    // Past the cached result of the last good check.
    await new Promise((r) => setTimeout(r, 1_100));
    for (let i = 0; i < 3; i++) {
      const ready = await timed(`${base}/readyz`);
      expect(ready.ms).toBeLessThan(2_000);
      expect(ready.status).toBe(503);
      expect(ready.retryAfter).toBe('5');
      expect(JSON.parse(ready.body)).toMatchObject({ ready: false });
    }
    const query = await timed(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ search(query: "x") { totalCount } }' }),
    });
    expect(query.ms).toBeLessThan(6_000);
    expect(JSON.parse(query.body).errors[0].extensions.code).toMatch(/^(TIMEOUT|SERVICE_UNAVAILABLE)$/);
  } finally {
    process.kill(neo4j.pid, 'SIGCONT');
  }

  let status = 0;
  for (let i = 0; i < 30 && status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 1_000));
    status = (await timed(`${base}/readyz`)).status;
  }
  expect(status).toBe(200);
});
