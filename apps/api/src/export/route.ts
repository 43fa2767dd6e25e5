import { Readable } from 'node:stream';
import type { Plugin, YogaLogger } from 'graphql-yoga';
import type { Chunk } from '@steppe/exporters';
import { badInput, ExportError, fromSearchParams, parseExportArgs } from './args';
import type { ExportReader } from '@steppe/graph-store';
import { CancelledError, QueueFullError, WorkQueue, type QueueLimits } from '../http/work-queue';
import { EXPORT_PATH, prepareExport, translateExportError, type ExportCostLimits } from './service';

type NodeResponse = {
  destroy(error?: Error): unknown;
  writableFinished: boolean;
  once?(event: 'close', listener: () => void): unknown;
  off?(event: 'close', listener: () => void): unknown;
};

export interface ExportRouteOptions {
  /** The reader of the graph this request may read (from the access decision in the server context), or one fixed reader. */
  reader: ExportReader | ((serverContext: unknown) => ExportReader);
  logger: YogaLogger;
  /** The explorer's address, for default permalinks. */
  webUrl?: string;
  /** Data exports at once and waiting (EXPORT_CONCURRENCY, EXPORT_QUEUE); PDF and PNG go through Chromium's render queue instead. */
  queue?: QueueLimits;
  /** What one export may cost (EXPORT_MAX_ENTITIES, EXPORT_MAX_RELATIONS, EXPORT_MAX_BYTES). */
  costLimits?: ExportCostLimits & { bytes: number };
}

/** Most bytes of a POST body (the arguments are small). */
const MAX_BODY = 64 * 1024;

function errorResponse(fetchAPI: { Response: typeof Response }, error: ExportError): Response {
  const body = { errors: [{ message: error.message, extensions: { code: error.code, ...error.extra } }] };
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (error.status === 405) headers.allow = 'GET, POST, OPTIONS';
  if (typeof error.extra.retryAfterSeconds === 'number') headers['retry-after'] = String(error.extra.retryAfterSeconds);
  return new fetchAPI.Response(JSON.stringify(body), { status: error.status, headers });
}

/**
 * Turns a writer's chunks into a Node stream, pulled as the client reads; if
 * the client goes away, the server destroys it, which stops the writer and
 * closes its Neo4j session. A failure after the headers were sent cannot
 * change the status any more: it is logged, and the transfer is aborted (the
 * socket destroyed, or the stream errored for a fetch consumer) so that the
 * client sees a failed download, never a truncated file that looks complete.
 */
function toNodeStream(
  chunks: AsyncIterable<Chunk>,
  onError: (error: unknown) => void,
  socketOwner?: { destroy(error?: Error): unknown },
  maxBytes = Infinity,
): Readable {
  async function* bytes() {
    let sent = 0;
    try {
      for await (const chunk of chunks) {
        const buffer =
          typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        sent += buffer.byteLength;
        // The size is known only while streaming, after the 200: the transfer is aborted (a failed download, never a cut file that looks whole).
        if (sent > maxBytes) throw new Error(`the file grew past ${maxBytes} bytes, the most one export may send (EXPORT_MAX_BYTES)`);
        yield buffer;
      }
    } catch (error) {
      onError(error);
      if (socketOwner) {
        socketOwner.destroy(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      throw error;
    }
  }
  const readable = Readable.from(bytes(), { objectMode: false, highWaterMark: 256 * 1024 });
  // Reported by onError above; without a listener the error would take the whole process down.
  readable.on('error', () => {});
  return readable;
}

async function readArgs(request: Request, url: URL): Promise<Record<string, unknown>> {
  if (request.method === 'GET') return fromSearchParams(url.searchParams);
  if (request.method !== 'POST')
    throw new ExportError(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${EXPORT_PATH}: use GET or POST.`);
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  if (text.length > MAX_BODY) throw badInput(`The request body is larger than ${MAX_BODY} bytes.`);
  if (/application\/x-www-form-urlencoded/.test(type)) return fromSearchParams(new URLSearchParams(text));
  if (!/application\/json/.test(type)) throw badInput('POST a JSON body (content-type: application/json) or a form.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badInput('The request body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badInput('The request body must be a JSON object of export arguments.');
  // Query-string arguments may complete a JSON body (e.g. ?format=pdf).
  return { ...fromSearchParams(url.searchParams), ...(body as Record<string, unknown>) };
}

/**
 * `GET|POST /export`: the subgraph around `ids` as a file. Served by the API
 * process next to /graphql (same store, same CORS policy); data formats
 * stream as they are read from Neo4j.
 */
export function useExportRoute(options: ExportRouteOptions): Plugin {
  const queue = new WorkQueue('data exports', options.queue ?? { concurrency: 2, queueSize: 8, retryAfterSeconds: 5 });
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (url.pathname !== EXPORT_PATH) return;
      let response: Response;
      // Under Node's http server the context holds the raw response: its 'close' before the end means the client went away.
      const nodeResponse = (serverContext as { res?: NodeResponse } | undefined)?.res;
      const gone = new AbortController();
      const onClose = () => {
        if (!nodeResponse?.writableFinished) gone.abort();
      };
      nodeResponse?.once?.('close', onClose);
      let release: (() => void) | undefined;
      try {
        const reader = typeof options.reader === 'function' ? options.reader(serverContext) : options.reader;
        const args = parseExportArgs(await readArgs(request, url));
        if (args.format !== 'pdf' && args.format !== 'png') release = await queue.acquire(gone.signal);
        const prepared = await prepareExport(args, {
          reader,
          webUrl: options.webUrl,
          apiOrigin: url.origin,
          costLimits: options.costLimits,
          signal: gone.signal,
        });
        const headers: Record<string, string> = {
          'content-type': prepared.info.contentType,
          'content-disposition': `attachment; filename="${prepared.filename}"`,
          'cache-control': 'no-store',
          'x-steppe-entities': String(prepared.nodeCount),
          'x-steppe-truncated': String(prepared.meta.truncated ?? false),
          'access-control-expose-headers': 'content-disposition, x-steppe-entities, x-steppe-truncated',
        };
        // An error while streaming must close the raw response's socket.
        const body = toNodeStream(
          prepared.body,
          (error) =>
            options.logger.error(`export ${args.format} ${args.ids.join(',')} failed while streaming: ${(error as Error).message}`),
          typeof nodeResponse?.destroy === 'function' ? nodeResponse : undefined,
          options.costLimits?.bytes,
        );
        // The slot is held until the file has been sent, or the client has gone (the server destroys the stream).
        if (release) {
          const done = release;
          body.once('close', done);
          release = undefined;
        }
        // A Node stream as the body: the server pipes it with back-pressure and destroys it if the client disconnects.
        response = new fetchAPI.Response(body as unknown as ReadableStream, { status: 200, headers });
      } catch (caught) {
        const error = caught instanceof QueueFullError ? translateExportError(caught) : caught;
        if (error instanceof CancelledError || gone.signal.aborted) {
          // Nobody is listening any more: say so in the log, answer nothing useful.
          options.logger.info(`export cancelled: ${(error as Error).message}`);
          response = errorResponse(fetchAPI, new ExportError(499, 'BAD_USER_INPUT', 'The client went away.'));
        } else if (error instanceof ExportError) {
          response = errorResponse(fetchAPI, error);
        } else {
          options.logger.error(error);
          response = errorResponse(fetchAPI, new ExportError(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.'));
        }
      }
      release?.();
      nodeResponse?.off?.('close', onClose);
      endResponse(response);
    },
  };
}
