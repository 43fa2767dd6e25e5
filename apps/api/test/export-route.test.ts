import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import { buildSchema } from '../src/create-api';
import { useExportRoute, type ExportReader } from '../src/export';
import { quietLogger } from './helpers';

/**
 * The route's streaming behaviour with a stand-in reader (no database): a
 * failure after the headers aborts the download instead of ending it as if
 * complete, the server survives it, and a client that goes away stops the
 * reading.
 */
const entity = (i: number) => ({ id: `n${i}`, kind: 'Person' as const, name: `N ${i}`, aliases: [], description: '', roles: [] });

function fakeReader(opts: { failAt?: number; onClose?: () => void; count?: number }): ExportReader {
  const count = opts.count ?? 50_000;
  return {
    graph: 'fake',
    generation: async () => 'g',
    traverse: async () => ({
      generation: 'g',
      start: [{ id: 'n0', name: 'N 0' }],
      missingIds: [],
      nodeIds: Array.from({ length: count }, (_, i) => `n${i}`),
      omittedNodes: 0,
    }),
    sources: async () => [],
    relationCount: async () => 0,
    entities: () => ({
      async *[Symbol.asyncIterator]() {
        try {
          for (let i = 0; i < count; i++) {
            if (i === opts.failAt) throw new Error('Neo4j went away');
            yield entity(i);
          }
        } finally {
          opts.onClose?.();
        }
      },
    }),
    relations: () => ({ async *[Symbol.asyncIterator]() {} }),
  } as unknown as ExportReader;
}

const yogaWith = (reader: ExportReader) =>
  createYoga({ schema: buildSchema(), logging: quietLogger, plugins: [useExportRoute({ reader, logger: quietLogger })] });

function listen(reader: ExportReader): Promise<{ server: Server; base: string }> {
  const server = createServer(yogaWith(reader));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

describe('/export streaming', () => {
  it('aborts the download when reading fails midway, and the server goes on serving', async () => {
    const { server, base } = await listen(fakeReader({ failAt: 30_000 }));
    try {
      const res = await fetch(`${base}/export?format=graphml&ids=n0`);
      expect(res.status).toBe(200);
      await expect(res.arrayBuffer()).rejects.toThrow();
      const again = await fetch(`${base}/export?format=nope&ids=n0`);
      expect(again.status).toBe(400);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('errors the body for an in-process consumer too', async () => {
    const res = await yogaWith(fakeReader({ failAt: 30_000 })).fetch('http://api.test/export?format=json&ids=n0');
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow(/Neo4j went away/);
  });

  it('stops reading when the client goes away', async () => {
    let closed = false;
    const { server, base } = await listen(fakeReader({ count: 2_000_000, onClose: () => (closed = true) }));
    try {
      const controller = new AbortController();
      const res = await fetch(`${base}/export?format=graphml&ids=n0`, { signal: controller.signal });
      const reader = res.body!.getReader();
      await reader.read();
      controller.abort();
      for (let i = 0; i < 100 && !closed; i++) await new Promise((r) => setTimeout(r, 50));
      expect(closed).toBe(true);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('sends data before it has read everything', async () => {
    let pulled = 0;
    const reader = fakeReader({ count: 200_000 });
    const entities = reader.entities;
    reader.entities = (...args) => ({
      async *[Symbol.asyncIterator]() {
        for await (const e of entities(...args)) {
          pulled++;
          yield e;
        }
      },
    });
    const { server, base } = await listen(reader);
    try {
      const res = await fetch(`${base}/export?format=json&ids=n0`);
      const body = res.body!.getReader();
      const first = await body.read();
      expect(first.done).toBe(false);
      expect(pulled).toBeLessThan(200_000);
      await body.cancel();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
