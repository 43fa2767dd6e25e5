import * as oauth from 'oauth4webapi';
import type { Session } from './session';

/**
 * Sign-in with the authorization-code flow and PKCE (RFC 7636, S256), as a
 * public client (no secret), through oauth4webapi (a maintained, certified
 * OAuth/OIDC client) rather than hand-written protocol code.
 *
 * startSignIn: discovery, a fresh code verifier, state and nonce kept in
 * sessionStorage, and the issuer's authorization URL to go to.
 * completeSignIn: back on the explorer with `?code&state`, checks the
 * state, exchanges the code with the verifier, checks the ID token, and
 * returns the session (the access token is what the API checks).
 */

/** What the API's GET /auth/config says about its issuer. */
export interface SignInConfig {
  issuer: string;
  clientId: string;
  scope: string;
  resource?: string;
}

const PENDING = 'steppe.signin';

interface Pending {
  verifier: string;
  state: string;
  nonce: string;
  redirectUri: string;
  /** Where the explorer was when sign-in started, to come back to. */
  returnTo: string;
}

/** Plain HTTP is accepted only for an issuer on this machine (development and the tests' issuer). */
function options(issuer: URL): { [oauth.allowInsecureRequests]?: boolean } {
  return issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname)
    ? { [oauth.allowInsecureRequests]: true }
    : {};
}

export async function discover(config: SignInConfig, fetchImpl?: typeof fetch): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(config.issuer);
  const response = await oauth.discoveryRequest(issuer, {
    algorithm: 'oidc',
    ...options(issuer),
    ...(fetchImpl ? { [oauth.customFetch]: fetchImpl } : {}),
  });
  return oauth.processDiscoveryResponse(issuer, response);
}

/** The authorization URL to navigate to; the verifier, state and nonce stay behind in `store`. */
export async function startSignIn(
  config: SignInConfig,
  where: { redirectUri: string; returnTo: string },
  store: Pick<Storage, 'setItem'>,
  fetchImpl?: typeof fetch,
): Promise<URL> {
  const as = await discover(config, fetchImpl);
  if (!as.authorization_endpoint) throw new Error(`${config.issuer} publishes no authorization endpoint.`);
  const verifier = oauth.generateRandomCodeVerifier();
  const pending: Pending = {
    verifier,
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    redirectUri: where.redirectUri,
    returnTo: where.returnTo,
  };
  store.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', where.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', config.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  if (config.resource) url.searchParams.set('resource', config.resource);
  return url;
}

/** Whether this URL is the issuer sending the browser back (a code or an error, and a state). */
export function isSignInCallback(url: URL): boolean {
  return url.searchParams.has('state') && (url.searchParams.has('code') || url.searchParams.has('error'));
}

/** The callback's URL without the protocol's parameters (what the address bar shows afterwards). */
export function withoutCallbackParams(url: URL): string {
  const clean = new URL(url);
  for (const p of ['code', 'state', 'error', 'error_description', 'iss', 'session_state']) clean.searchParams.delete(p);
  return clean.toString();
}

/** Finishes the flow on the callback URL: the session, and where to return. */
export async function completeSignIn(
  config: SignInConfig,
  callback: URL,
  store: Pick<Storage, 'getItem' | 'removeItem'>,
  fetchImpl?: typeof fetch,
  now = Date.now(),
): Promise<{ session: Session; returnTo: string }> {
  const raw = store.getItem(PENDING);
  store.removeItem(PENDING);
  if (!raw) throw new Error('This sign-in was not started here (or was already finished): sign in again.');
  const pending = JSON.parse(raw) as Pending;
  const as = await discover(config, fetchImpl);
  const client: oauth.Client = { client_id: config.clientId };
  const extra = { ...options(new URL(config.issuer)), ...(fetchImpl ? { [oauth.customFetch]: fetchImpl } : {}) };
  // Checks `state` (and the issuer's `iss` when it sends one); an error from the issuer is thrown with its description.
  const params = oauth.validateAuthResponse(as, client, callback, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, pending.redirectUri, pending.verifier, {
    ...extra,
    ...(config.resource ? { additionalParameters: { resource: config.resource } } : {}),
  });
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
  const claims = oauth.getValidatedIdTokenClaims(result);
  const name =
    [claims?.preferred_username, claims?.name, claims?.email, claims?.sub].find((v): v is string => typeof v === 'string') ?? 'signed in';
  return {
    session: { accessToken: result.access_token, expiresAt: now + (result.expires_in ?? 300) * 1000, name },
    returnTo: pending.returnTo,
  };
}
