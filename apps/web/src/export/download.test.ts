import { serve as serveAt, type Handler } from '../test/http-server';
import { ExportFailed, fetchExport } from './download';
import { buildExportRequest } from './request';

const serve = (handler: Handler) => serveAt(handler, '/export');

const scope = { kind: 'view' as const, entityIds: ['csto', 'almaty'], relationIds: [] };
const requestTo = (url: string) =>
  buildExportRequest(url, { format: 'graphml', scope, title: 'CSTO', permalink: 'http://127.0.0.1:3000/?e=csto,almaty' });

async function failureOf(promise: Promise<unknown>): Promise<ExportFailed> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExportFailed) return error;
    throw error;
  }
  throw new Error('expected the export to fail');
}

describe('fetchExport', () => {
  it('POSTs a form (no preflight) with the scope, and reads the file with progress', async () => {
    let seen: { method?: string; type?: string; body?: string } = {};
    const payload = '<graphml>'.padEnd(200_000, ' ') + '</graphml>';
    const api = await serve((req, body, res) => {
      seen = { method: req.method, type: req.headers['content-type'], body };
      res.writeHead(200, { 'content-type': 'application/graphml+xml', 'x-steppe-entities': '2', 'x-steppe-truncated': 'false' });
      res.write(payload.slice(0, 100_000));
      setTimeout(() => res.end(payload.slice(100_000)), 20);
    });
    try {
      const progress: number[] = [];
      const file = await fetchExport(requestTo(api.url), { onProgress: (n) => progress.push(n) });
      expect(seen.method).toBe('POST');
      expect(seen.type).toMatch(/^application\/x-www-form-urlencoded/);
      expect(Object.fromEntries(new URLSearchParams(seen.body))).toMatchObject({ format: 'graphml', ids: 'csto,almaty', depth: '0' });
      expect(await file.blob.text()).toBe(payload);
      expect(file).toMatchObject({ entities: 2, truncated: false });
      expect(progress.length).toBeGreaterThan(1);
      expect(progress[progress.length - 1]).toBe(Buffer.byteLength(payload));
    } finally {
      await api.close();
    }
  });

  it('shows the API’s error message (too many ids → LIMIT_EXCEEDED)', async () => {
    const message = 'Limit exceeded: `ids (count)` is 501, the maximum is 500.';
    const api = await serve((_req, _body, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'LIMIT_EXCEEDED' } }] }));
    });
    try {
      const error = await failureOf(fetchExport(requestTo(api.url)));
      expect(error.failure).toEqual({ status: 400, code: 'LIMIT_EXCEEDED', message });
    } finally {
      await api.close();
    }
  });

  it('says the API did not answer when nothing listens', async () => {
    const api = await serve(() => {});
    await api.close();
    const error = await failureOf(fetchExport(requestTo(api.url)));
    expect(error.failure.code).toBe('UNREACHABLE');
    expect(error.message).toMatch(/^The API at http:\/\/127\.0\.0\.1:\d+ did not answer/);
  });

  it('treats a transfer that breaks off as a failure, never as a file', async () => {
    const api = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/graphml+xml' });
      res.write('<graphml>');
      setTimeout(() => res.destroy(), 20);
    });
    try {
      const error = await failureOf(fetchExport(requestTo(api.url)));
      expect(error.failure.code).toBe('INTERRUPTED');
      expect(error.message).toMatch(/broke off after 9 bytes/);
    } finally {
      await api.close();
    }
  });

  it('passes an abort on as an abort', async () => {
    const api = await serve(() => {});
    const controller = new AbortController();
    try {
      const pending = fetchExport(requestTo(api.url), { signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      await api.close();
    }
  });
});
