import { GraphQLError } from 'graphql';
import { isUnavailableError } from '@steppe/graph-store';

/**
 * Error codes clients can rely on (in `extensions.code`). Messages for user
 * mistakes are precise; anything unexpected is masked as INTERNAL_SERVER_ERROR.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'LIMIT_EXCEEDED' | 'SERVICE_UNAVAILABLE' | 'TIMEOUT';

export function userError(message: string, code: ErrorCode = 'BAD_USER_INPUT', extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export function limitExceeded(argument: string, max: number, given: number): GraphQLError {
  return userError(`Limit exceeded: \`${argument}\` is ${given}, the maximum is ${max}.`, 'LIMIT_EXCEEDED', {
    argument,
    max,
  });
}

export const UNAVAILABLE_MESSAGE = 'The graph database is unavailable right now. Try again shortly.';

/** Errors from Neo4j that are the user's business (the database is down) become a clear 503. */
export function translateStoreError(error: unknown): GraphQLError | undefined {
  if (isUnavailableError(error)) {
    return new GraphQLError(UNAVAILABLE_MESSAGE, {
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
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
