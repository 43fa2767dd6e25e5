import type { Plugin } from 'graphql-yoga';

/**
 * Request bodies are capped before they are read: a Content-Length over the
 * limit is refused with 413 at once (nothing of the body is read), and a body
 * sent without a length (chunked) is read only up to the limit, then refused
 * the same way. The connection is closed after a 413, so the rest of an
 * oversized body is never read either.
 */
export interface BodyLimits {
  /** Most bytes per path; paths not listed have no body to speak of and get `fallback`. */
  byPath: Record<string, number>;
  fallback: number;
}

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly max: number) {
    super(`The request body is larger than ${max} bytes (the limit of this endpoint).`);
  }
}

function tooLarge(fetchAPI: { Response: typeof Response }, max: number, setting: string): Response {
  const body = { errors: [{ message: new BodyTooLargeError(max).message, extensions: { code: 'PAYLOAD_TOO_LARGE', max, setting } }] };
  return new fetchAPI.Response(JSON.stringify(body), {
    status: 413,
    headers: { 'content-type': 'application/json; charset=utf-8', connection: 'close' },
  });
}

/** Reads a body stream into memory, giving up (and cancelling the stream) past `max` bytes. */
export async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(max);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export function useBodyLimit(limits: BodyLimits, settingFor: (path: string) => string): Plugin {
  return {
    async onRequest({ request, url, setRequest, endResponse, fetchAPI }) {
      if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS' || !request.body) return;
      const max = limits.byPath[url.pathname] ?? limits.fallback;
      const setting = settingFor(url.pathname);
      const declared = Number(request.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > max) {
        endResponse(tooLarge(fetchAPI, max, setting));
        return;
      }
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = await readCapped(request.body, max);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          endResponse(tooLarge(fetchAPI, max, setting));
          return;
        }
        throw error;
      }
      // The same request with its body in memory, for yoga and the export route to parse.
      setRequest(
        new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body: bytes, signal: request.signal }),
      );
    },
  };
}
