import type { TypedDocument } from './typed-document';
import { graphqlPost } from './http';

/**
 * A small typed client over `fetch` (Node 20+ and browsers). It sends a typed
 * document as a GraphQL-over-HTTP POST and returns its `data`, typed; any
 * GraphQL error becomes a `SteppeClientError` whose `code` is the API's stable
 * `extensions.code` (README, "Errors").
 */

export interface ClientOptions {
  /** Defaults to the global `fetch`; pass one for a proxy agent, retries or tests. */
  fetch?: typeof fetch;
  /** Sent with every request, e.g. `{ authorization: 'Bearer …' }`; a function is called per request (tokens that refresh). */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
}

export interface RequestOptions {
  /** Cancels the request (e.g. `AbortSignal.timeout(10_000)`). */
  signal?: AbortSignal;
  /** Headers for this request only, over the client's. */
  headers?: Record<string, string>;
}

/** One error of a GraphQL response, as the API sends it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** Codes the client itself gives when there is no GraphQL error to take one from. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'HTTP_ERROR' | 'INVALID_RESPONSE';

export class SteppeClientError extends Error {
  override readonly name = 'SteppeClientError';
  /** The first error's `extensions.code` (e.g. `BAD_USER_INPUT`, `NOT_FOUND`), or one of ClientErrorCode. */
  readonly code: string;
  /** Every GraphQL error of the answer (empty when the request failed before GraphQL). */
  readonly errors: GraphQLErrorEntry[];
  /** The HTTP status, when an answer came. */
  readonly status: number | undefined;
  /** What the API answered alongside the errors (fields that did resolve), if anything. */
  readonly data: unknown;

  constructor(message: string, details: { code: string; errors?: GraphQLErrorEntry[]; status?: number; data?: unknown; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.errors = details.errors ?? [];
    this.status = details.status;
    this.data = details.data;
  }
}

export interface SteppeClient {
  readonly url: string;
  request<TData, TVariables>(document: TypedDocument<TData, TVariables>, ...rest: RequestArgs<TVariables>): Promise<TData>;
}

/** Variables may be left out when the operation has none that are required. */
type RequestArgs<TVariables> =
  Record<string, never> extends TVariables
    ? [variables?: TVariables, options?: RequestOptions]
    : [variables: TVariables, options?: RequestOptions];

interface ResponseBody {
  data?: unknown;
  errors?: unknown;
}

function isErrorList(value: unknown): value is GraphQLErrorEntry[] {
  return (
    Array.isArray(value) &&
    value.every((e) => typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string')
  );
}

function errorMessage(errors: GraphQLErrorEntry[]): string {
  const first = errors[0]!;
  const code = first.extensions?.code;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
  return `${code ? `${code}: ` : ''}${first.message}${more}`;
}

export function createClient(url: string, options: ClientOptions = {}): SteppeClient {
  async function request<TData, TVariables>(
    document: TypedDocument<TData, TVariables>,
    variables?: TVariables,
    requestOptions: RequestOptions = {},
  ): Promise<TData> {
    const doFetch = options.fetch ?? globalThis.fetch;
    const shared = typeof options.headers === 'function' ? await options.headers() : options.headers;
    let response: Response;
    try {
      response = await doFetch(url, graphqlPost(document, variables, { ...shared, ...requestOptions.headers }, requestOptions.signal));
    } catch (cause) {
      if (requestOptions.signal?.aborted) throw cause;
      throw new SteppeClientError(`Could not reach ${url}: ${(cause as Error).message}`, { code: 'NETWORK_ERROR', cause });
    }

    const text = await response.text();
    let body: ResponseBody | undefined;
    try {
      body = JSON.parse(text) as ResponseBody;
    } catch {
      body = undefined;
    }
    if (body && isErrorList(body.errors) && body.errors.length > 0) {
      const errors = body.errors;
      throw new SteppeClientError(errorMessage(errors), {
        code: errors[0]!.extensions?.code ?? (response.ok ? 'INTERNAL_SERVER_ERROR' : 'HTTP_ERROR'),
        errors,
        status: response.status,
        data: body.data ?? null,
      });
    }
    if (!response.ok) {
      throw new SteppeClientError(`${url} answered HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`, {
        code: 'HTTP_ERROR',
        status: response.status,
      });
    }
    if (!body || typeof body.data !== 'object' || body.data === null) {
      throw new SteppeClientError(`${url} did not answer with a GraphQL response.`, { code: 'INVALID_RESPONSE', status: response.status });
    }
    return body.data as TData;
  }

  return { url, request: request as SteppeClient['request'] };
}
