import { GraphQLError } from 'graphql';
import { GraphBusyError, isUnavailableError } from '@steppe/graph-store';
import { ERROR_CODES, type ErrorCode } from './error-codes';

export type { ErrorCode } from './error-codes';

/**
 * An error raised while a field is resolved, with a code from ERROR_CODES (the
 * documented list). Messages for user mistakes say what to change; anything
 * unexpected is masked as INTERNAL_SERVER_ERROR.
 */
export function userError(message: string, code: ErrorCode = 'BAD_USER_INPUT', extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export function limitExceeded(argument: string, max: number, given: number): GraphQLError {
  return userError(`Limit exceeded: \`${argument}\` is ${given}, the maximum is ${max}.`, 'LIMIT_EXCEEDED', {
    argument,
    max,
  });
}

/**
 * An error that stops the request before execution (no `data`): it carries the
 * code's HTTP status from ERROR_CODES, or `status` when the transport decides it
 * (405 for GET).
 */
export function requestError(
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
  status: number = ERROR_CODES[code].status,
  headers?: Record<string, string>,
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status, ...(headers ? { headers } : {}) } } });
}

/**
 * The one answer to ids that name nothing, in every field that takes ids: a
 * NOT_FOUND error naming them (in the message and in `extensions.ids`), never a
 * silent drop.
 */
export function notFound(what: string, ids: readonly string[]): GraphQLError {
  const plural = ids.length > 1 ? 's' : '';
  return userError(
    `Unknown ${what} id${plural}: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}.`,
    'NOT_FOUND',
    {
      ids: [...ids],
    },
  );
}

/** Retry-After (seconds) sent with SERVICE_UNAVAILABLE when Neo4j cannot be reached. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Retry-After (seconds) sent with SERVICE_UNAVAILABLE when the query line is full (graph-store's gate.ts). */
export const BUSY_RETRY_AFTER_SECONDS = 2;

export const UNAVAILABLE_MESSAGE = 'The graph database is unavailable right now. Try again shortly.';

/** Errors from Neo4j that are the user's business (the database is down) become a clear 503. */
export function translateStoreError(error: unknown): GraphQLError | undefined {
  if (error instanceof GraphBusyError) {
    return new GraphQLError('The graph database is busy with other requests: this one was not run. Try again in a few seconds.', {
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        reason: 'busy',
        http: { status: 503, headers: { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) } },
      },
    });
  }
  if (isUnavailableError(error)) {
    return new GraphQLError(UNAVAILABLE_MESSAGE, {
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        http: { status: 503, headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } },
      },
    });
  }
  const code = (error as { code?: string } | undefined)?.code ?? '';
  if (/TransactionTimedOut|TransactionTimedOutClientConfiguration/.test(code)) {
    return new GraphQLError('The query took too long and was stopped. Narrow it (fewer hops, a smaller limit) and try again.', {
      extensions: { code: 'TIMEOUT' },
    });
  }
  return undefined;
}
