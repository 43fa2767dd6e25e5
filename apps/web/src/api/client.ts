/**
 * A small typed GraphQL client over fetch. Every failure becomes a
 * SteppeApiError whose `kind` says what went wrong and whose message is fit to
 * show an analyst: the API could not be reached, it answered with an error,
 * or it said something the explorer does not understand.
 */

import { graphqlPost } from '@steppe/client/http';

export type ApiErrorKind =
  /** The request never got an answer: the API is down, the URL is wrong, CORS refused it. */
  | 'unreachable'
  /** The API did not answer in time. */
  | 'timeout'
  /** The API is up but its database is not (GraphQL code SERVICE_UNAVAILABLE). */
  | 'unavailable'
  /** The API answered with GraphQL errors (bad input, limits, not found...). */
  | 'graphql'
  /** The API answered with an HTTP error and no GraphQL body. */
  | 'http'
  /** The API answered with something that is not a GraphQL response. */
  | 'invalid-response'
  /** The caller cancelled the request. */
  | 'aborted';

export class SteppeApiError extends Error {
  override readonly name = 'SteppeApiError';

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly url: string,
    readonly details: { status?: number; codes?: string[]; cause?: unknown; missingIds?: string[] } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  /** Errors that may go away by themselves: worth retrying later. */
  get retryable(): boolean {
    return this.kind === 'unreachable' || this.kind === 'timeout' || this.kind === 'unavailable';
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof SteppeApiError && error.kind === 'aborted';
}

export interface GraphQLClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Give up on a request after this long (default 15 s). */
  timeoutMs?: number;
  /** Extra headers per request (the signed-in user's bearer token: auth/session.ts). */
  headers?: () => Record<string, string>;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface GraphQLClient {
  readonly url: string;
  request<TData, TVariables extends Record<string, unknown> = Record<string, unknown>>(
    document: string,
    variables?: TVariables,
    options?: RequestOptions,
  ): Promise<TData>;
}

interface GraphQLErrorBody {
  message?: unknown;
  extensions?: { code?: unknown; ids?: unknown };
}

interface GraphQLResponseBody {
  data?: unknown;
  errors?: GraphQLErrorBody[];
}

const DEFAULT_TIMEOUT_MS = 15_000;

export function unreachableMessage(url: string): string {
  return `Can't reach the Steppe API at ${url}.`;
}

export function createGraphQLClient(options: GraphQLClientOptions): GraphQLClient {
  const { url } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request<TData, TVariables extends Record<string, unknown>>(
    document: string,
    variables?: TVariables,
    requestOptions: RequestOptions = {},
  ): Promise<TData> {
    const doFetch = options.fetch ?? globalThis.fetch;
    const callerSignal = requestOptions.signal;
    if (callerSignal?.aborted) throw new SteppeApiError('aborted', 'The request was cancelled.', url);

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = () => controller.abort();
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

    try {
      let response: Response;
      try {
        response = await doFetch(url, graphqlPost(document, variables, options.headers?.(), controller.signal));
      } catch (cause) {
        throw fetchFailure(cause);
      }

      let body: GraphQLResponseBody | undefined;
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        throw fetchFailure(cause);
      }
      try {
        body = text ? (JSON.parse(text) as GraphQLResponseBody) : undefined;
      } catch {
        body = undefined;
      }

      const errors = Array.isArray(body?.errors) ? body.errors : [];
      if (errors.length > 0) {
        const codes = errors.map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string');
        const messages = errors.map((e) => (typeof e.message === 'string' ? e.message : 'Unknown error'));
        const unique = [...new Set(messages)].join(' ');
        if (codes.includes('SERVICE_UNAVAILABLE')) {
          throw new SteppeApiError('unavailable', `The Steppe API at ${url} is up, but: ${unique}`, url, {
            status: response.status,
            codes,
          });
        }
        // NOT_FOUND lists the ids the graph does not hold (e.g. `subgraph` given an imported entity).
        const missingIds = errors
          .filter((e) => e.extensions?.code === 'NOT_FOUND' && Array.isArray(e.extensions.ids))
          .flatMap((e) => (e.extensions!.ids as unknown[]).filter((id): id is string => typeof id === 'string'));
        throw new SteppeApiError('graphql', unique, url, {
          status: response.status,
          codes,
          ...(missingIds.length > 0 ? { missingIds } : {}),
        });
      }
      if (!response.ok) {
        const reason = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        throw new SteppeApiError('http', `The Steppe API at ${url} answered HTTP ${reason}.`, url, {
          status: response.status,
        });
      }
      if (body === undefined || body.data === null || typeof body.data !== 'object') {
        throw new SteppeApiError('invalid-response', `The server at ${url} did not answer with GraphQL data. Is it the Steppe API?`, url, {
          status: response.status,
        });
      }
      return body.data as TData;
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }

    function fetchFailure(cause: unknown): SteppeApiError {
      if (timedOut) {
        return new SteppeApiError('timeout', `The Steppe API at ${url} did not answer within ${Math.round(timeoutMs / 1000)} s.`, url, {
          cause,
        });
      }
      if (callerSignal?.aborted) return new SteppeApiError('aborted', 'The request was cancelled.', url, { cause });
      return new SteppeApiError('unreachable', unreachableMessage(url), url, { cause });
    }
  }

  return { url, request };
}
