import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ERROR_CODES } from '../error-codes';

/** graphql-armor's document limits, as it words them ("Syntax Error: Query depth limit of 10 exceeded, found 13."). */
const ARMOR_LIMIT = /^Syntax Error: (.*limit of \d+ exceeded, found \d+\.?)/i;

function recoded(error: GraphQLError): GraphQLError {
  const code = error.extensions?.code;
  if (typeof code === 'string') return error;
  const armor = ARMOR_LIMIT.exec(error.message);
  const [message, extensions] = armor
    ? [`${armor[1]} Simplify the document (see the limits in the README).`, { code: 'LIMIT_EXCEEDED', http: { status: 400 } }]
    : error.path
      ? [error.message, { code: 'INTERNAL_SERVER_ERROR' }]
      : [error.message, { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: ERROR_CODES.GRAPHQL_VALIDATION_FAILED.status } }];
  return new GraphQLError(message, {
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, ...extensions },
  });
}

/**
 * The last word on every error: one that reached the response without a code
 * (graphql-armor's document limits, anything graphql-js reports uncoded) gets one
 * from ERROR_CODES, so `extensions.code` is never missing.
 */
export function useCodedErrors(): Plugin {
  return {
    onExecutionResult({ result, setResult }) {
      if (!result || Symbol.asyncIterator in result || !result.errors?.length) return;
      if (result.errors.every((e) => typeof e.extensions?.code === 'string')) return;
      setResult({ ...result, errors: result.errors.map((e) => (e instanceof GraphQLError ? recoded(e) : e)) });
    },
  };
}
