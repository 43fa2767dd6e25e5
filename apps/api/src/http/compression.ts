import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import { copyHeaders } from './headers';

/** Encodings the API answers in, best first (node:zlib, no dependency). */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Bodies smaller than this go out as they are: compressing them saves less than it costs. */
export const MIN_COMPRESS_BYTES = 1_024;

const COMPRESSIBLE = /^(application\/(graphql-response\+)?json|application\/javascript|text\/)/;

/**
 * The encoding to answer in for an Accept-Encoding header: br, then gzip, honouring
 * q-values (`gzip;q=0` refuses gzip), or undefined for identity.
 */
export function negotiateEncoding(acceptEncoding: string | null): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (e: string) => weights.get(e) ?? weights.get('*') ?? 0;
  const best = ENCODINGS.filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a));
  return best[0];
}

/** The encoding an answer goes out in (what useCompression does), for headers decided before it runs. */
export function responseEncoding(acceptEncoding: string | null, contentType: string | null, size: number): Encoding | undefined {
  if (size < MIN_COMPRESS_BYTES || !COMPRESSIBLE.test(contentType ?? '')) return undefined;
  return negotiateEncoding(acceptEncoding);
}

export function compress(body: Uint8Array, encoding: Encoding): Uint8Array<ArrayBuffer> {
  const out =
    encoding === 'br'
      ? // Quality 5: most of brotli's gain on JSON at a fraction of the CPU of the default 11.
        brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 6 });
  return new Uint8Array(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer);
}

/** A strong ETag names one representation: the compressed one gets its own (`"…-br"`). */
export function encodedEtag(etag: string, encoding: Encoding | undefined): string {
  return encoding ? etag.replace(/"$/, `-${encoding}"`) : etag;
}

/**
 * Compresses answers (GraphQL results, the schema, GraphiQL's page and assets) with
 * brotli or gzip when the client asks (Accept-Encoding), and says so (Content-Encoding,
 * Vary). Runs after the caching plugin, whose ETag it suffixes with the encoding.
 */
export function useCompression(): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const vary = () => {
        const headers = copyHeaders(response, fetchAPI);
        if (!/accept-encoding/i.test(headers.get('vary') ?? '')) headers.append('vary', 'Accept-Encoding');
        return headers;
      };
      if (response.headers.get('content-encoding') || !response.body || response.status === 204 || response.status === 304) return;
      if (!COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return;
      const body = new Uint8Array(await response.arrayBuffer());
      const encoding = responseEncoding(request.headers.get('accept-encoding'), response.headers.get('content-type'), body.length);
      const headers = vary();
      if (!encoding) {
        setResponse(new fetchAPI.Response(body, { status: response.status, statusText: response.statusText, headers }));
        return;
      }
      const compressed = compress(body, encoding);
      headers.set('content-encoding', encoding);
      headers.delete('content-length');
      const etag = headers.get('etag');
      if (etag) headers.set('etag', encodedEtag(etag, encoding));
      setResponse(new fetchAPI.Response(compressed, { status: response.status, statusText: response.statusText, headers }));
    },
  };
}
