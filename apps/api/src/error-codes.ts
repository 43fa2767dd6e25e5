/**
 * Every `extensions.code` the API answers with: the one list the code, the README's
 * errors table and the test that walks the codes all read (so they cannot drift).
 *
 * `status` is the HTTP status of a response whose only error has this code. Request
 * errors (the document or its variables cannot be run) answer 4xx with no `data`, as
 * GraphQL over HTTP asks; errors raised while a field is resolved leave `data`
 * present (the field is null) and answer 200, as the spec recommends, so the other
 * fields of the same request still arrive.
 */
export const ERROR_CODES = {
  BAD_REQUEST: {
    status: 400,
    meaning: 'the HTTP request is malformed: a body, `variables` or `extensions` that is not JSON, no `query`, a batch',
  },
  GRAPHQL_PARSE_FAILED: { status: 400, meaning: 'the document is not GraphQL (the message gives the line and column)' },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    meaning: 'the document does not fit the schema: an unknown field, argument or enum value, a missing required argument',
  },
  OPERATION_RESOLUTION_FAILURE: {
    status: 400,
    meaning: 'the document holds several operations and `operationName` names none of them (the message lists them)',
  },
  OPERATION_NOT_SUPPORTED: {
    status: 400,
    meaning: 'a `mutation` or `subscription`: the API is read-only (405 with `Allow` over GET, 400 over POST)',
  },
  BAD_USER_INPUT: {
    status: 400,
    meaning:
      "a malformed value: a bad date, an unknown enum value, an empty query, an invalid cursor (the message says which and what is accepted). 400 when it is in the variables; in a field's argument, 200 with the field null",
  },
  LIMIT_EXCEEDED: {
    status: 200,
    meaning:
      'an argument above a limit in the limits table (`extensions.argument`, `extensions.max`); 400 for the document limits (depth, aliases, tokens, directives)',
  },
  COST_LIMIT_EXCEEDED: {
    status: 400,
    meaning: 'the query could return more than the cost limit allows (`extensions.cost`, `extensions.limit`, and which page size to lower)',
  },
  UNAUTHENTICATED: {
    status: 401,
    meaning:
      'sign-in is configured and the request has no credential, or one that is not valid (an unknown API key; a token expired, for another audience, from another issuer, or badly signed): the message and the `WWW-Authenticate: Bearer` header say which',
  },
  FORBIDDEN: {
    status: 403,
    meaning: 'the credential is valid but may not do this: export a graph it may only read, or read any graph at all',
  },
  GRAPH_NOT_FOUND: {
    status: 404,
    meaning:
      'the graph named by `X-Steppe-Graph` is not served here, or the caller may not read it: both get exactly this answer, so a graph you may not read cannot be told from one that does not exist',
  },
  NOT_FOUND: { status: 200, meaning: 'an id that names nothing in the graph (`extensions.ids` lists them; the field is null)' },
  TIMEOUT: { status: 200, meaning: 'the query ran past its time budget: fewer hops or a smaller page' },
  SERVICE_UNAVAILABLE: { status: 503, meaning: 'Neo4j cannot be reached; the API recovers by itself when it is back' },
  INTERNAL_SERVER_ERROR: {
    status: 200,
    meaning:
      'anything else: a bug. The field is null; details go to the server log, not to the client (500 if it happens before execution)',
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as ErrorCode[];

/** The README's errors table, generated from ERROR_CODES (a test keeps the README equal to it). */
export function errorCodesMarkdown(): string {
  const rows = ERROR_CODE_NAMES.map((code) => {
    const { status, meaning } = ERROR_CODES[code];
    const shown = status === 200 ? '200, field null' : String(status);
    return `| \`${code}\` | ${shown} | ${meaning} |`;
  });
  return ['| code | HTTP | meaning |', '|---|---|---|', ...rows].join('\n');
}
