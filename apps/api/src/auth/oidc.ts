import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { OidcConfig } from './config';
import type { Principal } from './principal';

/**
 * OpenID Connect bearer tokens: JWT access tokens verified with jose against
 * the issuer's published keys (JWKS, fetched and cached by jose, refetched
 * when a token names a key it has not seen): the signature, `iss`, `aud`,
 * `exp`/`nbf`. A configured claim lists the caller's graphs.
 */

/** A token that does not pass: 401, with a description fit for `WWW-Authenticate`. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

/** The issuer's keys could not be had (discovery or JWKS unreachable): 503, the token was not judged. */
export class IssuerUnavailableError extends Error {
  override name = 'IssuerUnavailableError';
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

function describe(error: unknown, config: OidcConfig): InvalidTokenError | IssuerUnavailableError {
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud')
      return new InvalidTokenError(`the token is not meant for this API (its audience is not ${JSON.stringify(config.audience)})`);
    if (error.claim === 'iss') return new InvalidTokenError(`the token was not issued by ${config.issuer}`);
    if (error.claim === 'nbf') return new InvalidTokenError('the token is not valid yet');
    return new InvalidTokenError(`the token's "${error.claim}" claim is not valid (${error.reason})`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new InvalidTokenError(`the token's signature does not verify against the keys of ${config.issuer}`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new InvalidTokenError('the token is signed with an algorithm this API does not accept');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof IssuerUnavailableError) {
    return new IssuerUnavailableError(`the keys of ${config.issuer} could not be fetched: ${(error as Error).message}`);
  }
  if (error instanceof errors.JOSEError) return new InvalidTokenError('the token is not a valid signed JWT');
  // A network failure of the JWKS fetch (fetch throws a TypeError) is the issuer's problem, not the token's.
  return new IssuerUnavailableError(`the keys of ${config.issuer} could not be fetched: ${(error as Error)?.message ?? String(error)}`);
}

/** The values of the graphs claim: an array of strings, or one space- or comma-separated string. */
function claimValues(payload: JWTPayload, claim: string): string[] {
  const value = payload[claim];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** OAuth scopes of the token: `scope` (RFC 9068, a space-separated string) or `scp` (an array, some issuers). */
function scopes(payload: JWTPayload): string[] {
  if (typeof payload.scope === 'string') return payload.scope.split(' ').filter(Boolean);
  if (Array.isArray(payload.scp)) return payload.scp.filter((v): v is string => typeof v === 'string');
  return [];
}

export function principalFromClaims(payload: JWTPayload, config: OidcConfig): Principal {
  const values = claimValues(payload, config.graphsClaim);
  const graphs = config.claimValues ? values.flatMap((v) => config.claimValues![v] ?? []) : values;
  const display = [payload.preferred_username, payload.name, payload.email].find((v): v is string => typeof v === 'string');
  const subject = typeof payload.sub === 'string' ? payload.sub : 'unknown subject';
  return {
    kind: 'oidc',
    name: display && display !== subject ? `${display} (${subject})` : subject,
    graphs: new Set(graphs),
    export: config.exportScope === null || scopes(payload).includes(config.exportScope),
  };
}

export interface OidcVerifier {
  verify(token: string): Promise<Principal>;
}

/**
 * The verifier is built lazily: the issuer's discovery document is read at
 * the first token, not at start-up, so the API starts (and serves API keys)
 * while the issuer is down; a failed discovery is retried at the next token.
 */
export function createOidcVerifier(config: OidcConfig, fetchImpl: typeof fetch = fetch): OidcVerifier {
  let keys: Promise<JWTVerifyGetKey> | undefined;

  async function discover(): Promise<JWTVerifyGetKey> {
    if (config.jwksUri) return createRemoteJWKSet(new URL(config.jwksUri));
    const url = `${config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let document: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const res = await fetchImpl(url, { signal: AbortSignal.timeout(5_000), headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
      document = (await res.json()) as typeof document;
    } catch (error) {
      throw new IssuerUnavailableError(`discovery failed: ${(error as Error).message}`);
    }
    if (document.issuer !== config.issuer)
      throw new IssuerUnavailableError(`${url} names issuer ${JSON.stringify(document.issuer)}, not ${config.issuer}`);
    if (typeof document.jwks_uri !== 'string') throw new IssuerUnavailableError(`${url} has no jwks_uri`);
    return createRemoteJWKSet(new URL(document.jwks_uri));
  }

  return {
    async verify(token) {
      try {
        keys ??= discover();
        const getKey = await keys.catch((error: unknown) => {
          keys = undefined;
          throw error;
        });
        const { payload } = await jwtVerify(token, getKey, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms: config.algorithms ?? ASYMMETRIC,
          clockTolerance: config.clockToleranceSeconds,
          requiredClaims: ['exp', 'sub'],
        });
        return principalFromClaims(payload, config);
      } catch (error) {
        throw describe(error, config);
      }
    },
  };
}
