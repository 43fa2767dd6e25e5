import { createApiKeyCheck, isApiKeyShaped } from './api-keys';
import type { AuthConfig } from './config';
import { createOidcVerifier, InvalidTokenError, IssuerUnavailableError, type OidcVerifier } from './oidc';
import { LOCAL_PRINCIPAL, mayRead, readableGraphs, type Principal } from './principal';

/**
 * The one access decision every GraphQL operation and every export passes
 * through: who is calling (authenticate) and which graph the request reads
 * (selectGraph). The graph's store is then chosen from the decision alone
 * (create-api.ts), so no resolver can reach a graph that was not granted.
 */

/** The header a caller names the graph to read with (default: the server's default graph). */
export const GRAPH_HEADER = 'x-steppe-graph';
export const API_KEY_HEADER = 'x-api-key';
export const REALM = 'steppe';

export interface AccessPolicyOptions {
  /** Logical graphs the API serves; the first one is the default. */
  graphs: readonly string[];
  /** Sign-in and grants; undefined: sign-in off, every served graph readable (local use). */
  auth?: AuthConfig;
  /** For tests: how the issuer's discovery document is fetched. */
  fetch?: typeof fetch;
}

/** A refused request: the status, the coded error and, for 401, the WWW-Authenticate challenge. */
export class AccessError extends Error {
  override name = 'AccessError';
  constructor(
    readonly status: 401 | 403 | 404 | 503,
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'GRAPH_NOT_FOUND' | 'SERVICE_UNAVAILABLE',
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface Access {
  principal: Principal;
  /** The logical graph this request reads. */
  graph: string;
}

function challenge(error?: { code: 'invalid_token' | 'invalid_request'; description: string }): string {
  if (!error) return `Bearer realm="${REALM}"`;
  // RFC 6750 §3: the description is a quoted string without `"` or `\`.
  return `Bearer realm="${REALM}", error="${error.code}", error_description="${error.description.replace(/["\\]/g, "'")}"`;
}

function unauthenticated(message: string, error?: { code: 'invalid_token' | 'invalid_request'; description: string }): AccessError {
  return new AccessError(401, 'UNAUTHENTICATED', message, { 'www-authenticate': challenge(error) });
}

/** What a graph that is not served, and one the caller may not read, are both answered with: the same words, the same code. */
export function graphNotFound(graph: string): AccessError {
  return new AccessError(404, 'GRAPH_NOT_FOUND', `There is no graph "${graph.slice(0, 100)}" here that you may read.`);
}

/** The caller as messages name it. */
function who(principal: Principal): string {
  if (principal.kind === 'api-key') return `The API key "${principal.name}"`;
  if (principal.kind === 'anonymous') return 'A caller without sign-in';
  return `"${principal.name}"`;
}

export interface AccessPolicy {
  readonly graphs: readonly string[];
  readonly defaultGraph: string;
  readonly signInRequired: boolean;
  readonly auth: AuthConfig | undefined;
  /** Who sends these headers; throws AccessError (401, or 503 when the issuer's keys cannot be had). */
  authenticate(headers: Headers): Promise<Principal>;
  /** The graph the request reads; throws AccessError (404 for a graph not served or not granted, alike). */
  selectGraph(principal: Principal, headers: Headers): string;
  /** Both, plus the export permission when `exporting`. */
  decide(headers: Headers, options?: { exporting?: boolean }): Promise<Access>;
}

export function createAccessPolicy(options: AccessPolicyOptions): AccessPolicy {
  const graphs = [...new Set(options.graphs)];
  if (graphs.length === 0) throw new Error('The API must serve at least one graph.');
  const defaultGraph = graphs[0]!;
  const { auth } = options;
  const checkKey = createApiKeyCheck(auth?.apiKeys ?? []);
  const oidc: OidcVerifier | undefined = auth?.oidc ? createOidcVerifier(auth.oidc, options.fetch) : undefined;
  const anonymous: Principal | undefined =
    auth?.anonymous && auth.anonymous.graphs.length > 0
      ? { kind: 'anonymous', name: 'anonymous', graphs: new Set(auth.anonymous.graphs), export: auth.anonymous.export }
      : undefined;

  async function authenticate(headers: Headers): Promise<Principal> {
    if (!auth) return LOCAL_PRINCIPAL;
    const apiKey = headers.get(API_KEY_HEADER)?.trim();
    const authorization = headers.get('authorization')?.trim();
    if (apiKey && authorization) {
      throw unauthenticated('Send one credential: an API key (X-Api-Key) or a bearer token (Authorization), not both.', {
        code: 'invalid_request',
        description: 'more than one credential',
      });
    }
    if (!apiKey && !authorization) {
      if (anonymous) return anonymous;
      throw unauthenticated(
        `Sign-in is required: send an API key (X-Api-Key: stp_…, or Authorization: Bearer stp_…)${oidc ? ` or an access token from ${auth.oidc!.issuer} (Authorization: Bearer …)` : ''}.`,
      );
    }
    let token = apiKey;
    if (authorization) {
      const match = /^Bearer[ ]+(\S+)$/i.exec(authorization);
      if (!match)
        throw unauthenticated('The Authorization header must be "Bearer <token>".', {
          code: 'invalid_request',
          description: 'not a Bearer credential',
        });
      token = match[1]!;
    }
    if (apiKey || isApiKeyShaped(token!)) {
      const principal = checkKey(token!);
      if (!principal) throw unauthenticated('This API key is not valid here.', { code: 'invalid_token', description: 'unknown API key' });
      return principal;
    }
    if (!oidc)
      throw unauthenticated('This API accepts API keys only (stp_…), and this is not one.', {
        code: 'invalid_token',
        description: 'not an API key',
      });
    try {
      return await oidc.verify(token!);
    } catch (error) {
      if (error instanceof InvalidTokenError)
        throw unauthenticated(`The bearer token was refused: ${error.message}.`, { code: 'invalid_token', description: error.message });
      if (error instanceof IssuerUnavailableError) {
        throw new AccessError(503, 'SERVICE_UNAVAILABLE', `Tokens cannot be checked right now (${error.message}). Try again shortly.`, {
          'retry-after': '5',
        });
      }
      throw error;
    }
  }

  function selectGraph(principal: Principal, headers: Headers): string {
    const asked = headers.get(GRAPH_HEADER)?.trim();
    if (asked) {
      // One test for both "not served" and "not granted": the answer cannot tell them apart.
      if (graphs.includes(asked) && mayRead(principal, asked)) return asked;
      throw graphNotFound(asked);
    }
    if (mayRead(principal, defaultGraph)) return defaultGraph;
    // A caller who may not read the default graph gets the first one it may read (the explorer sends no header).
    const first = readableGraphs(principal, graphs)[0];
    if (first) return first;
    throw new AccessError(403, 'FORBIDDEN', `${who(principal)} may read no graph on this server: ask its operator for access.`);
  }

  return {
    graphs,
    defaultGraph,
    signInRequired: auth !== undefined && anonymous === undefined,
    auth,
    authenticate,
    selectGraph,
    async decide(headers, { exporting = false } = {}) {
      const principal = await authenticate(headers);
      const graph = selectGraph(principal, headers);
      if (exporting && !principal.export) {
        throw new AccessError(
          403,
          'FORBIDDEN',
          `${who(principal)} may read this graph but not export it${principal.kind === 'oidc' && auth?.oidc?.exportScope ? ` (exporting needs the "${auth.oidc.exportScope}" scope)` : ''}.`,
        );
      }
      return { principal, graph };
    },
  };
}
