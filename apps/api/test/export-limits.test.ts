import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import { buildSchema } from '../src/create-api';
import { useExportRoute, type ExportReader } from '../src/export';
import { renderQueue } from '../src/export/chromium';
import type { Source } from '@steppe/domain';
import { EXPORT_LIMITS } from '../src/export/args';
import { quietLogger } from './helpers';

/**
 * What one export may cost over HTTP, with a stand-in reader (no database):
 * entity and relation caps answered 400 before the first byte, a byte cap
 * that aborts the transfer, bounded queues answering 503 + Retry-After, and
 * a PDF render stopped (its Chromium gone) when the client goes away.
 */
const entity = (i: number) => ({ id: `n${i}`, kind: 'Person' as const, name: `N ${i}`, aliases: [], description: '', roles: [] });

function fakeReader(opts: { count?: number; relations?: number; delayMs?: number; sources?: Source[] } = {}): ExportReader {
  const count = opts.count ?? 30;
  return {
    graph: 'fake',
    generation: async () => 'g',
    traverse: async (_ids: string[], o: { limit: number }) => {
      const shown = Math.min(count, o.limit);
      return {
        generation: 'g',
        start: [{ id: 'n0', name: 'N 0' }],
        missingIds: [],
        nodeIds: Array.from({ length: shown }, (_, i) => `n${i}`),
        omittedNodes: count - shown,
      };
    },
    sources: async () => opts.sources ?? [],
    relationCount: async () => opts.relations ?? 0,
    entities: () => ({
      async *[Symbol.asyncIterator]() {
        for (let i = 0; i < count; i++) {
          if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
          yield entity(i);
        }
      },
    }),
    relations: () => ({ async *[Symbol.asyncIterator]() {} }),
  } as unknown as ExportReader;
}

type RouteOptions = Partial<Parameters<typeof useExportRoute>[0]>;

async function listen(reader: ExportReader, options: RouteOptions = {}): Promise<{ server: Server; base: string; close: () => void }> {
  const yoga = createYoga({
    schema: buildSchema(),
    logging: quietLogger,
    plugins: [useExportRoute({ reader, logger: quietLogger, ...options })],
  });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const cost = { entities: 10, relations: 50, bytes: 10_000_000 };
const errorOf = async (res: Response) =>
  ((await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0]!;

/** Chromium processes descended from this test process. */
function chromiumDescendants(): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, comm]) => ({ pid: Number(pid), ppid: Number(ppid), comm: comm ?? '' }));
  const mine = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of rows) {
      if (mine.has(r.ppid) && !mine.has(r.pid)) {
        mine.add(r.pid);
        grew = true;
      }
    }
  }
  return rows.filter((r) => mine.has(r.pid) && r.pid !== process.pid && /chrom/i.test(r.comm)).map((r) => r.pid);
}

describe('export cost limits', () => {
  it('refuses an export past EXPORT_MAX_ENTITIES with 400 naming the limit, and serves it truncated under an explicit limit', async () => {
    const s = await listen(fakeReader({ count: 30 }), { costLimits: cost });
    try {
      const res = await fetch(`${s.base}/export?format=csv&ids=n0&depth=1`);
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', max: 10, setting: 'EXPORT_MAX_ENTITIES' });
      expect(error.message).toMatch(/more than 10 entities.*EXPORT_MAX_ENTITIES/);
      const truncated = await fetch(`${s.base}/export?format=csv&ids=n0&depth=1&limit=10`);
      expect(truncated.status).toBe(200);
      expect(truncated.headers.get('x-steppe-entities')).toBe('10');
      expect(truncated.headers.get('x-steppe-truncated')).toBe('true');
      await truncated.arrayBuffer();
    } finally {
      s.close();
    }
  });

  it('refuses an export past EXPORT_MAX_RELATIONS with 400 naming the limit', async () => {
    const s = await listen(fakeReader({ count: 5, relations: 51 }), { costLimits: cost });
    try {
      const res = await fetch(`${s.base}/export?format=json&ids=n0`);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).extensions).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        max: 50,
        given: 51,
        setting: 'EXPORT_MAX_RELATIONS',
      });
    } finally {
      s.close();
    }
  });

  it("refuses includeText with 400 naming the limit when the graph's documents hold more than EXPORT_LIMITS.textChars", async () => {
    const half = Math.floor(EXPORT_LIMITS.textChars / 2) + 1;
    const sources: Source[] = ['a', 'b'].map((id) => ({ id, title: id, languages: ['en'], text: 'x'.repeat(half) }));
    const s = await listen(fakeReader({ count: 3, sources }));
    try {
      const res = await fetch(`${s.base}/export?format=json&ids=n0&includeText=true`);
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.extensions).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        argument: 'includeText',
        max: EXPORT_LIMITS.textChars,
        given: 2 * half,
      });
      expect(error.message).toMatch(/includeText.*more than the 16000000/);
      // the same export without the texts, and a format that carries no text, are served
      expect((await fetch(`${s.base}/export?format=json&ids=n0`)).status).toBe(200);
      expect((await fetch(`${s.base}/export?format=graphml&ids=n0&includeText=true`)).status).toBe(200);
      // a malformed flag is refused like any other
      expect((await fetch(`${s.base}/export?format=json&ids=n0&includeText=maybe`)).status).toBe(400);
    } finally {
      s.close();
    }
  });

  it('aborts a transfer that grows past EXPORT_MAX_BYTES (a failed download, not a cut file)', async () => {
    const s = await listen(fakeReader({ count: 10 }), { costLimits: { ...cost, bytes: 1_024 } });
    try {
      // The status may or may not have left before the cap is reached; either way the download fails.
      await expect(fetch(`${s.base}/export?format=json&ids=n0&limit=10`).then((res) => res.arrayBuffer())).rejects.toThrow();
      const small = await listen(fakeReader({ count: 1 }), { costLimits: { ...cost, bytes: 100_000 } });
      try {
        expect((await fetch(`${small.base}/export?format=json&ids=n0`)).status).toBe(200);
      } finally {
        small.close();
      }
    } finally {
      s.close();
    }
  });
});

describe('bounded export queue', () => {
  it('answers 503 with Retry-After when the running and waiting slots are taken, and frees the slot when a client goes away', async () => {
    const s = await listen(fakeReader({ count: 100_000, delayMs: 5 }), { queue: { concurrency: 1, queueSize: 1, retryAfterSeconds: 7 } });
    try {
      const first = new AbortController();
      const running = await fetch(`${s.base}/export?format=json&ids=n0`, { signal: first.signal });
      expect(running.status).toBe(200);
      // The second waits in the queue; the third finds it full.
      const second = new AbortController();
      const waiting = fetch(`${s.base}/export?format=json&ids=n0`, { signal: second.signal }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 200));
      const full = await fetch(`${s.base}/export?format=json&ids=n0`);
      expect(full.status).toBe(503);
      expect(full.headers.get('retry-after')).toBe('7');
      expect((await errorOf(full)).extensions.code).toBe('SERVICE_UNAVAILABLE');
      // Both clients go away: their slots come back, and a new export is served.
      second.abort();
      first.abort();
      await waiting;
      await new Promise((r) => setTimeout(r, 300));
      const again = await fetch(`${s.base}/export?format=json&ids=n0&limit=1`);
      expect(again.status).toBe(200);
      await again.body?.cancel();
    } finally {
      s.close();
    }
  });
});

describe('Chromium renders', () => {
  afterEach(() => renderQueue.configure({ concurrency: 2, queueSize: 4, retryAfterSeconds: 10 }));

  it('stop when the client goes away: no Chromium is left running', async () => {
    const infos: string[] = [];
    const s = await listen(fakeReader({ count: 20 }), {
      logger: { ...quietLogger, info: (...args: unknown[]) => void infos.push(args.map(String).join(' ')) },
    });
    try {
      expect(chromiumDescendants()).toEqual([]);
      const controller = new AbortController();
      const pending = fetch(`${s.base}/export?format=pdf&ids=n0`, { signal: controller.signal }).then(
        () => 'answered',
        (e: Error) => e.name,
      );
      for (let i = 0; i < 200 && chromiumDescendants().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
      expect(chromiumDescendants().length).toBeGreaterThan(0);
      controller.abort();
      expect(await pending).toBe('AbortError');
      // The browser is closed, then the queue's slot is given back (after the close resolves).
      let left = chromiumDescendants();
      for (let i = 0; i < 100 && (left.length > 0 || renderQueue.stats.running > 0); i++) {
        await new Promise((r) => setTimeout(r, 50));
        left = chromiumDescendants();
      }
      expect(left).toEqual([]);
      expect(renderQueue.stats.running).toBe(0);
      // Stopped, not finished: the route saw the render cancelled.
      for (let i = 0; i < 40 && infos.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(infos.join('\n')).toMatch(/export cancelled: The PDF render was cancelled/);
    } finally {
      s.close();
    }
  }, 30_000);

  it('answer 503 with Retry-After when the render queue is full', async () => {
    renderQueue.configure({ concurrency: 1, queueSize: 0, retryAfterSeconds: 10 });
    const s = await listen(fakeReader({ count: 5 }));
    try {
      const first = fetch(`${s.base}/export?format=pdf&ids=n0`);
      for (let i = 0; i < 200 && renderQueue.stats.running === 0; i++) await new Promise((r) => setTimeout(r, 10));
      const second = await fetch(`${s.base}/export?format=png&ids=n0`);
      expect(second.status).toBe(503);
      expect(second.headers.get('retry-after')).toBe('10');
      expect((await errorOf(second)).message).toMatch(/busy with PDF and PNG renders/);
      const done = await first;
      expect(done.status).toBe(200);
      expect(
        Buffer.from(await done.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    } finally {
      s.close();
    }
  }, 30_000);
});
