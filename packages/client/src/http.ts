/**
 * The POST of one GraphQL-over-HTTP request: JSON in, the spec's response media type preferred, variables always
 * an object. Shared by this package's client and the explorer's (apps/web/src/api/client.ts), which differ in how
 * they time out and report errors, not in what they send.
 */
export function graphqlPost(document: string, variables: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): RequestInit {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify({ query: document, variables: variables ?? {} }),
    ...(signal ? { signal } : {}),
  };
}
