import { authHeaders } from '../auth/session';
import { failureFromResponse, unreachableFailure, type ExportFailure, type ExportRequest } from './request';

/** An export the API refused or could not serve; `failure` says why in the analyst's words. */
export class ExportFailed extends Error {
  override name = 'ExportFailed';
  constructor(readonly failure: ExportFailure) {
    super(failure.message);
  }
}

export interface FetchedExport {
  blob: Blob;
  /** Entities in the file (the API's `x-steppe-entities`), when it says. */
  entities: number | null;
  truncated: boolean;
}

function isAbortError(error: unknown, signal?: AbortSignal): boolean {
  // Not `instanceof Error`: a DOMException may come from another realm.
  return signal?.aborted === true || (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError');
}

/**
 * POSTs the request and reads the file, reporting the bytes received so far.
 * Throws ExportFailed with the API's own message for an error status, or an
 * "API did not answer" message when the request never got through, or when
 * the transfer broke off (the API aborts a failed stream rather than send a
 * truncated file). An abort is passed on as is.
 */
export async function fetchExport(
  request: ExportRequest,
  options: { signal?: AbortSignal; onProgress?: (bytes: number) => void; fetchImpl?: typeof fetch } = {},
): Promise<FetchedExport> {
  const doFetch = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await doFetch(request.url, { method: 'POST', body: request.body, headers: authHeaders(), signal: options.signal });
  } catch (error) {
    if (isAbortError(error, options.signal)) throw error;
    throw new ExportFailed(unreachableFailure(request.url));
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw new ExportFailed(failureFromResponse(response.status, text));
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    const reader = response.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        options.onProgress?.(received);
      }
    } else {
      const bytes = new Uint8Array(await response.arrayBuffer());
      chunks.push(bytes);
      options.onProgress?.(bytes.byteLength);
    }
  } catch (error) {
    if (isAbortError(error, options.signal)) throw error;
    throw new ExportFailed({
      status: response.status,
      code: 'INTERRUPTED',
      message: `The download broke off after ${received} bytes (the API stops a file it cannot finish, so nothing partial is saved). Try again.`,
    });
  }
  const entities = Number(response.headers.get('x-steppe-entities'));
  return {
    blob: new Blob(chunks as BlobPart[], { type }),
    entities: Number.isFinite(entities) && response.headers.has('x-steppe-entities') ? entities : null,
    truncated: response.headers.get('x-steppe-truncated') === 'true',
  };
}

/** Hands a file to the browser's downloads. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
